import HeguiCore

extension FactoryYear {
    func makeEmployees(_ rng: inout SplitMix64) -> [Employee] {
        let endOfYear = day(year, 12, 31)
        let newHires = max(2, employees * 12 / 1100)
        let leavers = max(2, employees * 8 / 1100)
        let total = employees + leavers
        var staff: [Employee] = []
        // Department sizes by share; the rounding rest goes to the largest department.
        var sizes = FactoryYear.departments.map { Int(Double(total) * $0.share) }
        sizes[1] += total - sizes.reduce(0, +)
        var teamCounters = [Int](repeating: 0, count: FactoryYear.departments.count)
        var number = 0
        for (d, department) in FactoryYear.departments.enumerated() {
            for _ in 0..<sizes[d] {
                number += 1
                let female = rng.chance(department.exposed ? 0.42 : 0.5)
                let name =
                    rng.pick(FactoryYear.surnames) + rng.pick(FactoryYear.given)
                    + (rng.chance(0.6) ? rng.pick(FactoryYear.given) : "")
                let birth = day(rng.int(1963...1996), rng.int(1...12), rng.int(1...28))
                let earliest = max(1985, birth.year + 20)
                let hired = day(rng.int(earliest...2018), rng.int(1...12), 1)
                var team: String?
                if department.teams > 0 {
                    teamCounters[d] += 1
                    team = teamName(department.name, teamCounters[d] % department.teams)
                }
                let wage = (department.exposed ? 7200 : 8200) + rng.int(0...60) * 100
                staff.append(
                    Employee(
                        id: "E\(String(repeating: "0", count: max(0, 4 - String(number).count)))\(number)", name: name,
                        female: female,
                        birth: birth, hired: hired, left: nil, department: department.name, team: team,
                        post: rng.pick(department.posts),
                        exposed: department.exposed, safetyRole: nil, wage: wage))
            }
        }
        // The director and the safety managers.
        if let director = staff.firstIndex(where: { $0.department == "综合办公室" }) {
            staff[director].post = "厂长"
            staff[director].safetyRole = "主要负责人"
            staff[director].hired = min(staff[director].hired, day(2010, 1, 1))
        }
        for index in staff.indices where staff[index].department == "安全环保部" { staff[index].safetyRole = "安全管理人员" }
        // New hires in the year (1st of a month) and leavers (end of a month), spread over the roster.
        let stride = staff.count / (newHires + leavers + 1)
        var picked = 0
        for k in 0..<(newHires + leavers) {
            var index = stride * (k + 1)
            while staff[index].safetyRole != nil { index += 1 }
            if k < newHires {
                staff[index].hired = day(year, 2 + k % 11, 1)
                staff[index].birth = day(rng.int(1994...1998), rng.int(1...12), rng.int(1...28))
                staff[index].unionMember = false  // joins after probation
            } else {
                let month = 1 + (k - newHires) * 11 / leavers
                staff[index].left = lastDay(year, month)
            }
            picked += 1
        }
        // Union membership: exactly round(N × 1072/1100) of those on the roster at year end.
        let members = Int((Double(employees) * 1072 / 1100).rounded())
        var nonMembers = staff.filter { $0.employed(on: endOfYear) && !$0.unionMember }.count
        let wantedNonMembers = staff.filter { $0.employed(on: endOfYear) }.count - members
        var index = 7
        var steps = 0
        while nonMembers < wantedNonMembers {
            if staff[index].employed(on: endOfYear), staff[index].unionMember, staff[index].safetyRole == nil {
                staff[index].unionMember = false
                nonMembers += 1
            }
            steps += 1
            // Striding by 41 may circle among a few rows of a small roster that cannot help (the walk repeats
            // within 2 × rows steps): then take the next eligible row instead.
            if steps >= 64 * staff.count {
                index = Self.nextIndex(in: staff, after: index) {
                    $0.employed(on: endOfYear) && $0.unionMember && $0.safetyRole == nil
                }
                guard index >= 0 else { break }
                continue
            }
            index += 41
            if index >= staff.count { index = index % staff.count + 1 }
        }
        // 29 people in key finance posts (sub-union chairs, finance, association heads), for 1,100 staff.
        let keyPosts = max(5, (employees * 29 + 550) / 1100)
        var chosen = 0
        var candidate = 3
        steps = 0
        while chosen < keyPosts {
            if staff[candidate].employed(on: endOfYear), staff[candidate].unionMember, !staff[candidate].keyFinancePost {
                staff[candidate].keyFinancePost = true
                chosen += 1
            }
            steps += 1
            // After a whole cycle of strides by 37 (a roster of a multiple of 37 rows visits only some of them)
            // nothing new can be found that way: take the next eligible row instead.
            if steps >= staff.count {
                candidate = Self.nextIndex(in: staff, after: candidate) {
                    $0.employed(on: endOfYear) && $0.unionMember && !$0.keyFinancePost
                }
                guard candidate >= 0 else { break }
                continue
            }
            candidate = (candidate + 37) % staff.count
        }
        return staff
    }

    /// The first index after `index` (wrapping round) whose employee qualifies; -1 when none does.
    static func nextIndex(in staff: [Employee], after index: Int, where qualifies: (Employee) -> Bool) -> Int {
        for step in 1...max(1, staff.count) {
            let candidate = (index + step) % staff.count
            if qualifies(staff[candidate]) { return candidate }
        }
        return -1
    }

    func teamName(_ department: String, _ index: Int) -> String {
        let prefix = department.replacingOccurrences(of: "车间", with: "").replacingOccurrences(of: "中心", with: "")
            .replacingOccurrences(of: "管理部", with: "")
        let shifts = ["甲", "乙", "丙", "丁"]
        return "\(prefix)\(shifts[index % 4])班\(index / 4 + 1)组"
    }

    func teamList(_ staff: [Employee]) -> [(name: String, department: String, leader: String, size: Int)] {
        var result: [(name: String, department: String, leader: String, size: Int)] = []
        var position: [String: Int] = [:]
        for e in staff where e.left == nil {
            guard let team = e.team else { continue }
            if let index = position[team] {
                result[index].size += 1
            } else {
                position[team] = result.count
                result.append((team, e.department, e.name, 1))
            }
        }
        return result
    }
}
