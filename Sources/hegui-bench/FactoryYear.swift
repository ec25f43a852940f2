import HeguiCore

/// One employee of the generated factory.
struct Employee {
    var id: String
    var name: String
    var female: Bool
    var birth: Day
    var hired: Day
    var left: Day?
    var department: String
    var team: String?
    var post: String
    var exposed: Bool
    var safetyRole: String?
    var keyFinancePost = false
    var unionMember = true
    /// Monthly gross wage in yuan.
    var wage: Int

    /// Whether the employee is on the roster on that day.
    func employed(on day: Day) -> Bool { hired <= day && (left.map { day <= $0 } ?? true) }
}

func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }
func lastDay(_ y: Int, _ m: Int) -> Day { day(y, m, Day.daysIn(year: y, month: m)) }
func yuan(_ cents: Int) -> String { "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)" }
func tenThousand(_ tenths: Int) -> String { "\(tenths / 10).\(tenths % 10)" }

/// The 2019 year of a ~1,100-employee cigarette factory, after 浙江中烟宁波卷烟厂工会's 2019 summary:
/// 1,072 union members, 1/3/27 competitions, 81 contestants in 4 items from 3 workshops, 62 family
/// visitors, a dragon-boat event of ~200, flag-raising 150+, 29 commitment letters, 12 finance
/// meetings, 3 price-comparison talks, a patrol with 5 issues all struck off, no accidents.
/// Parameterised by head count and seed so a benchmark generator can grow from the same code.
struct FactoryYear {
    var employees: Int
    var seed: UInt64
    let year = 2019

    /// Departments: name, share of the head count, exposed to hazards, number of teams, posts.
    static let departments: [(name: String, share: Double, exposed: Bool, teams: Int, posts: [String])] = [
        ("制丝车间", 0.18, true, 8, ["制丝操作工", "制丝操作工", "工艺员", "维修工"]),
        ("卷包车间", 0.44, true, 20, ["卷接操作工", "包装操作工", "卷接操作工", "维修工", "质检员"]),
        ("动力车间", 0.10, true, 5, ["空调运行工", "锅炉工", "电工", "制冷工"]),
        ("物流中心", 0.08, false, 4, ["仓储员", "叉车司机", "调度员"]),
        ("设备管理部", 0.05, false, 2, ["设备工程师", "技术员"]),
        ("质量管理部", 0.045, false, 2, ["检验员", "质量工程师"]),
        ("安全环保部", 0.015, false, 0, ["安全管理员"]),
        ("人力资源部", 0.015, false, 0, ["人事专员"]),
        ("财务部", 0.015, false, 0, ["会计", "出纳"]),
        ("企业管理部", 0.02, false, 0, ["管理专员"]),
        ("工会办公室", 0.01, false, 0, ["工会干事"]),
        ("综合办公室", 0.03, false, 0, ["行政专员", "司机"]),
    ]
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟").map(String.init)
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玲建国海燕波宁浩鹏飞红梅斌慧晨颖俊峰亮琳雪婷欣怡晓东").map(String.init)

    /// The year's tables, kind by kind. The parts below draw from one random stream in this order,
    /// so the same seed gives the same bytes.
    func generate() -> Tables {
        var rng = SplitMix64(seed: seed)
        var t: Tables = [:]
        let staff = makeEmployees(&rng)
        let periodEnd = day(year, 12, 31)
        let cast = YearCast(
            staff: staff, teams: teamList(staff), atEnd: staff.filter { $0.employed(on: periodEnd) },
            periodStart: day(year, 1, 1))
        let payroll = workforce(cast, &rng, into: &t)
        institutions(cast, payroll, into: &t)
        unionActivities(cast, &rng, into: &t)
        ankangCup(cast, &rng, into: &t)
        unionFinance(cast, &rng, into: &t)
        return t
    }
}

/// Who a generated year is about: everyone on the roster during the year, the teams (with their
/// leader and head count), those still employed on 31 December, and the first day of the year.
struct YearCast {
    let staff: [Employee]
    let teams: [(name: String, department: String, leader: String, size: Int)]
    let atEnd: [Employee]
    let periodStart: Day
}

/// The payroll's totals, which the annual figures follow.
struct PayrollTotals {
    /// The year's gross wages, in cents.
    var wageCents = 0
    /// Months on the payroll, summed over employees.
    var employedMonths = 0
}

/// Two decimals, deterministic.
func format2(_ x: Double) -> String {
    let cents = Int((x * 100).rounded())
    return yuan(cents)
}
