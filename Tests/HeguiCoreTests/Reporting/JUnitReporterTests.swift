import HeguiCore
import Testing

extension Reporting {
    @Suite("JUnitReporter")
    struct JUnitReporterTests {
        @Test("canned zh-CN output")
        func canned() {
            #expect(JUnitReporter().render(ReportFixture.input(.zhCN)) == Self.expected)
        }

        @Test("names and messages are XML-escaped")
        func escaping() {
            var input = ReportFixture.input(.en)
            input.assessment.packs[0].findings[0].title = LocalizedText(zh: "x", en: "a & b < c > d \" e ' f")
            let output = JUnitReporter().render(input)
            #expect(output.contains("name=\"F01 a &amp; b &lt; c &gt; d &quot; e &#39; f\""))
        }

        static let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="hegui 2024" tests="10" failures="3" errors="1" skipped="2">
              <testsuite name="union-finance" tests="3" failures="0" errors="0" skipped="1">
                <properties>
                  <property name="version" value="2023.2"/>
                  <property name="score" value="20"/>
                  <property name="maxScore" value="20"/>
                  <property name="passLine" value="16"/>
                  <property name="grade" value="excellent"/>
                  <property name="passed" value="true"/>
                </properties>
                <testcase classname="union-finance" name="F01 经费拨缴率"/>
                <testcase classname="union-finance" name="F02 大额支出集体决策">
                  <skipped message="不适用：本期无大额支出"/>
                </testcase>
                <testcase classname="union-finance" name="F03 经审会议次数"/>
              </testsuite>
              <testsuite name="ningbo-hexie" tests="7" failures="3" errors="1" skipped="1">
                <properties>
                  <property name="version" value="2024.1"/>
                  <property name="score" value="8"/>
                  <property name="maxScore" value="20"/>
                  <property name="passLine" value="12"/>
                  <property name="grade" value="fail"/>
                  <property name="passed" value="false"/>
                </properties>
                <testcase classname="ningbo-hexie" name="L01 劳动合同签订率">
                  <failure message="未达标：实测 12 项不符，阈值 每项 = 0，得分 0/4">records/employees.xml:5   &lt;script&gt;alert(1)&lt;/script&gt;  未签劳动合同
            records/employees.xml:8   E002                       未签劳动合同
            records/employees.xml:11  E003                       未签劳动合同
            records/employees.xml:14  E004                       未签劳动合同
            records/employees.xml:17  E005                       未签劳动合同
            records/employees.xml:20  E006                       未签劳动合同
            records/employees.xml:23  E007                       未签劳动合同
            records/employees.xml:26  E008                       未签劳动合同
            records/employees.xml:29  E009                       未签劳动合同
            records/employees.xml:32  E010                       未签劳动合同
            … 另有 2 条</failure>
                </testcase>
                <testcase classname="ningbo-hexie" name="L02 工资按时足额支付">
                  <error message="数据错误：实测 —，阈值 每项 = 0，得分 0/3">工资表缺少字段 paid_on</error>
                </testcase>
                <testcase classname="ningbo-hexie" name="L03 集体合同覆盖率"/>
                <testcase classname="ningbo-hexie" name="S01 全员安全培训">
                  <failure message="未佐证：实测 —，阈值 —，得分 0/5">缺少培训签到表</failure>
                </testcase>
                <testcase classname="ningbo-hexie" name="S02 特种作业持证">
                  <skipped message="不适用：无特种作业岗位"/>
                </testcase>
                <testcase classname="ningbo-hexie" name="V01 发生重大安全事故">
                  <failure message="否决项触发（窗口 2024−3y）">records/accidents.xml:7  A-2024-003  死亡 1 人</failure>
                </testcase>
                <testcase classname="ningbo-hexie" name="V02 拖欠工资"/>
              </testsuite>
            </testsuites>

            """

        @Test("a waiver's reason is not prefixed twice")
        func waivedOnce() {
            var input = ReportFixture.input(.en)
            input.assessment.packs[1].findings[0].outcome = .waived
            input.assessment.packs[1].findings[0].message = LocalizedText(
                zh: "已豁免：无", en: "waived: no new projects (approved by 王主席, until 2020-06-30)")
            let output = JUnitReporter().render(input)
            #expect(output.contains("<skipped message=\"waived: no new projects (approved by 王主席, until 2020-06-30)\"/>"))
        }
    }
}
