import HeguiCore
import Testing

@Suite struct CreditCodeTests {
    @Test func checkCharacterLengthAndAlphabet() {
        #expect(CreditCode.complete("91330200100000001") == "91330200100000001W")
        #expect(CreditCode.problem("91330200100000001W") == nil)
        #expect(CreditCode.problem("91330200100000001X")?.en == "credit code 91330200100000001X has a wrong check character (expected W)")
        #expect(CreditCode.problem("9133020010000000")?.en == "credit code 9133020010000000 must have 18 characters (it has 16)")
        #expect(CreditCode.problem("91330200I00000001W")?.en == "credit code 91330200I00000001W has an invalid character I at position 9")
        #expect(CreditCode.complete("9133020010000000O") == nil)
        #expect(Enterprise.schema(forCode: "91330200100000001W") == "e_91330200100000001w")
    }
}
