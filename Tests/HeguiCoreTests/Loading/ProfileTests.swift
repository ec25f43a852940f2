import Foundation
import HeguiXML
import Testing

@testable import HeguiCore

/// Profiles (parameter overrides) and waiver files, checked against the packs.
@Suite struct ProfileTests {
    typealias F = PackFixture

    let pack: RulePack

    init() throws {
        let parameters = """
              <parameter name="rate" type="number" default="90%" min="0" max="1">\(F.titles("比例", "rate"))</parameter>
              <parameter name="window" type="duration" default="3y">\(F.titles("追溯", "window"))</parameter>
            """
        pack = try F.pack(
            F.packText(
                parameters: parameters,
                items: F.indicator(
                    "I1",
                    #"<share of="employee" at-least="$rate"><that><field name="contractSigned" equals="true"/></that></share>"#)))
    }

    /// Writes a file and returns its path.
    func file(_ text: String, name: String = "profile.xml") throws -> String {
        let url = try F.temporaryDirectory().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The diagnostic lines a load fails with, paths shortened to the file name.
    func failure(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return ["no error"]
        } catch let error as DiagnosticsError {
            return error.diagnostics.map { d in
                "\(URL(fileURLWithPath: d.location.file).lastPathComponent):\(d.location.line):\(d.location.column): \(d.message)"
            }
        } catch {
            return ["\(error)"]
        }
    }

    @Test func overridesReplaceDefaults() throws {
        let path = try file(
            #"<profile enterprise="某厂"><parameter pack="p" name="rate" value="95%"/><parameter pack="p" name="window" value="2y"/></profile>"#
        )
        let profile = try Profile.load(path, packs: [pack])
        #expect(profile.enterprise == "某厂")
        let values = profile.parameters(for: pack)
        #expect(values["rate"] == .number(0.95))
        #expect(values["window"] == .duration(Duration(2, .years)))
        #expect(Profile().parameters(for: pack)["rate"] == .number(0.9))
    }

    @Test func badOverridesAreReportedAtTheirAttribute() throws {
        let text = """
            <profile>
              <parameter pack="nope" name="rate" value="1"/>
              <parameter pack="p" name="ghost" value="1"/>
              <parameter pack="p" name="rate" value="lots"/>
              <parameter pack="p" name="rate" value="2"/>
              <parameter pack="p" name="window" value="3"/>
              <other/>
            </profile>
            """
        let path = try file(text)
        #expect(
            failure { _ = try Profile.load(path, packs: [pack]) } == [
                "profile.xml:\(F.position(of: "pack=\"nope\"", in: text)): unknown pack 'nope'",
                "profile.xml:\(F.position(of: "name=\"ghost\"", in: text)): pack 'p' has no parameter 'ghost'",
                "profile.xml:\(F.position(of: "value=\"lots\"", in: text)): 'lots' is not a number (parameter 'rate')",
                "profile.xml:\(F.position(of: "value=\"2\"", in: text)): 2 is above the maximum 1 of parameter 'rate'",
                "profile.xml:\(F.position(of: "value=\"3\"", in: text)): '3' is not a duration (parameter 'window')",
                "profile.xml:\(F.position(of: "<other/>", in: text)): unexpected <other> (expected <parameter pack name value effective-from?/>, <deselect pack indicator reason/> or <points pack indicator value reason/>)",
            ])
    }

    /// Two values for one parameter would leave the result to the order of lines: refused at the second.
    @Test func aParameterSetTwiceIsRefused() throws {
        let text = """
            <profile>
              <parameter pack="p" name="rate" value="0.5"/>
              <parameter pack="p" name="rate" value="1"/>
            </profile>
            """
        let path = try file(text)
        #expect(
            failure { _ = try Profile.load(path, packs: [pack]) } == [
                "profile.xml:3:3: parameter 'rate' of pack 'p' is set twice"
            ])
    }

    @Test func aProfileWithAnotherRootIsRefused() throws {
        let path = try file("<waivers/>")
        #expect(
            failure { _ = try Profile.load(path, packs: [pack]) } == [
                "profile.xml:1:1: the root element is <waivers>, expected <profile>"
            ])
    }

    @Test func waiversAreReadAndChecked() throws {
        let good = try file(
            #"<waivers><waiver pack="p" indicator="I1" reason="无新建项目" approver="王主席" expires="2020-06-30"/></waivers>"#,
            name: "waivers.xml")
        let waivers = try WaiverFile.load(good, packs: [pack])
        #expect(
            waivers == [Waiver(pack: "p", indicator: "I1", reason: "无新建项目", approver: "王主席", expires: Day(iso: "2020-06-30")!)])

        let text = """
            <waivers>
              <waiver pack="p" indicator="I9" reason="r" approver="a" expires="2020-06-30"/>
              <waiver indicator="I1" reason="r" approver="a" expires="2020-02-30"/>
              <waiver indicator="I1" approver="a" expires="2020-06-30"/>
              <waiver pack="q" indicator="I1" reason="r" approver="a" expires="2020-06-30"/>
            </waivers>
            """
        let bad = try file(text, name: "waivers.xml")
        #expect(
            failure { _ = try WaiverFile.load(bad, packs: [pack]) } == [
                "waivers.xml:\(F.position(of: "indicator=\"I9\"", in: text)): unknown indicator 'I9'",
                "waivers.xml:\(F.position(of: "expires=\"2020-02-30\"", in: text)): '2020-02-30' is not a date (YYYY-MM-DD)",
                "waivers.xml:4:3: a waiver needs 'reason'",
                "waivers.xml:\(F.position(of: "pack=\"q\"", in: text)): unknown pack 'q'",
            ])
    }
}
