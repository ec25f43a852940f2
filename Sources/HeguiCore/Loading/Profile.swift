import Foundation
import HeguiBase
import HeguiXML

/// An enterprise profile: its name, parameter overrides, deselected indicators and moved points,
/// so a pack is tailored without editing it.
///
/// ```xml
/// <profile enterprise="浙江中烟宁波卷烟厂" code="91330200144070588E">
///   <parameter pack="harmonious-enterprise" name="minimumWage" value="2010"/>
///   <points pack="harmonious-enterprise" indicator="L06" value="4" reason="…"/>
///   <points pack="harmonious-enterprise" indicator="L11" value="1" reason="…"/>
/// </profile>
/// ```
public struct Profile: Sendable {
    /// The enterprise's name for report headers.
    public var enterprise: String?
    /// The enterprise's 统一社会信用代码 (`code`), which files it in a shared ledger.
    public var creditCode: String?
    /// Overrides by pack id, then parameter name.
    public var overrides: [String: [String: Value]]
    /// Overrides in force from a date (`effective-from`), by pack id, then parameter name.
    public var dated: [String: [String: [EffectiveValue]]] = [:]
    /// Indicators left out, by pack id, then indicator id, with the reason.
    public var deselected: [String: [String: String]] = [:]
    /// Indicators whose points the profile moves, by pack id, then indicator id.
    public var points: [String: [String: PointsTailoring]] = [:]

    /// Creates a profile.
    public init(enterprise: String? = nil, overrides: [String: [String: Value]] = [:]) {
        self.enterprise = enterprise
        self.overrides = overrides
    }

    /// Reads a profile file, checking every override against the packs (known pack and parameter,
    /// fitting type, within the parameter's range). Throws `UnreadableFileError` or `DiagnosticsError`.
    public static func load(_ path: String, packs: [RulePack]) throws -> Profile {
        let root = try XMLDocument(contentsOf: path).root
        var diagnostics: [Diagnostic] = []
        guard root.name == "profile" else {
            throw DiagnosticsError([Diagnostic(at: root.location, .profiles(.wrongRoot(root: root.name)))])
        }
        var profile = Profile(enterprise: root.attribute("enterprise"))
        profile.creditCode = root.attribute("code")
        var changes = PointsChanges()
        for element in root.children {
            if element.name == "deselect" {
                profile.readDeselect(element, packs: packs, into: &diagnostics)
                continue
            }
            if element.name == "points" {
                profile.readPoints(element, packs: packs, into: &changes, &diagnostics)
                continue
            }
            guard element.name == "parameter" else {
                diagnostics.append(
                    Diagnostic(
                        at: element.location,
                        .profiles(.unexpectedElement(element: element.name))))
                continue
            }
            guard let packID = element.attribute("pack"), let name = element.attribute("name"),
                let text = element.attribute("value")
            else {
                diagnostics.append(Diagnostic(at: element.location, .profiles(.parameterNeedsAttributes)))
                continue
            }
            guard let pack = packs.first(where: { $0.id == packID }) else {
                diagnostics.append(
                    Diagnostic(at: element.location(ofAttribute: "pack"), .profiles(.unknownPack(pack: truncatedForMessage(packID)))))
                continue
            }
            guard let parameter = pack.parameter(name) else {
                diagnostics.append(
                    Diagnostic(at: element.location(ofAttribute: "name"), .profiles(.unknownParameter(pack: packID, parameter: truncatedForMessage(name)))))
                continue
            }
            let location = element.location(ofAttribute: "value")
            guard let value = LiteralParser.value(text, as: ExpectedType(parameter.type)) else {
                diagnostics.append(
                    Diagnostic(at: location, .profiles(.notOfType(value: truncatedForMessage(text), type: parameter.type.rawValue, parameter: name))))
                continue
            }
            if let n = value.number, let low = parameter.minimum, n < low {
                diagnostics.append(
                    Diagnostic(at: location, .profiles(.belowMinimum(value: truncatedForMessage(text), minimum: formatNumber(low), parameter: name))))
                continue
            }
            if let n = value.number, let high = parameter.maximum, n > high {
                diagnostics.append(
                    Diagnostic(at: location, .profiles(.aboveMaximum(value: truncatedForMessage(text), maximum: formatNumber(high), parameter: name))))
                continue
            }
            if let fromText = element.attribute("effective-from") {
                guard let from = Day(iso: fromText) else {
                    diagnostics.append(
                        Diagnostic(
                            at: element.location(ofAttribute: "effective-from"),
                            .profiles(.notADate(value: truncatedForMessage(fromText)))))
                    continue
                }
                if profile.dated[packID]?[name]?.contains(where: { $0.from == from }) == true {
                    diagnostics.append(
                        Diagnostic(at: element.location, .profiles(.setTwiceFrom(parameter: name, pack: packID, from: fromText))))
                    continue
                }
                profile.dated[packID, default: [:]][name, default: []].append(EffectiveValue(from: from, value: value))
                continue
            }
            if profile.overrides[packID]?[name] != nil {
                diagnostics.append(Diagnostic(at: element.location, .profiles(.setTwice(parameter: name, pack: packID))))
                continue
            }
            profile.overrides[packID, default: [:]][name] = value
        }
        // A category whose changes do not net to zero, after every element has been read.
        diagnostics += changes.unbalanced()
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return profile
    }

    /// A pack's parameter values: defaults, then this profile's overrides.
    public func parameters(for pack: RulePack) -> [String: Value] {
        var values = Dictionary(uniqueKeysWithValues: pack.parameters.map { ($0.name, $0.defaultValue) })
        for (name, value) in overrides[pack.id] ?? [:] { values[name] = value }
        return values
    }

    /// A pack's dated parameter values: the pack's own (dropped when the profile sets the parameter
    /// without a date, which then holds throughout), then the profile's dated ones (a profile value
    /// from the same day replaces the pack's).
    public func schedules(for pack: RulePack) -> [String: [EffectiveValue]] {
        var result: [String: [EffectiveValue]] = [:]
        for parameter in pack.parameters {
            var schedule = overrides[pack.id]?[parameter.name] == nil ? parameter.schedule : []
            for value in dated[pack.id]?[parameter.name] ?? [] {
                schedule.removeAll { $0.from == value.from }
                schedule.append(value)
            }
            result[parameter.name] = schedule.sorted { $0.from < $1.from }
        }
        return result
    }

    /// Reads `<deselect pack indicator reason/>`: the reason is required, the indicator must exist.
    mutating func readDeselect(_ element: XMLElement, packs: [RulePack], into diagnostics: inout [Diagnostic]) {
        let missing = ["pack", "indicator", "reason"].filter { (element.attribute($0) ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        guard missing.isEmpty, let packID = element.attribute("pack"), let id = element.attribute("indicator"),
            let reason = element.attribute("reason")
        else {
            diagnostics.append(
                Diagnostic(
                    at: element.location,
                    .profiles(.deselectNeeds(missing: missing.map { "'\($0)'" }.joined(separator: ", ")))))
            return
        }
        guard let pack = packs.first(where: { $0.id == packID }) else {
            diagnostics.append(
                Diagnostic(at: element.location(ofAttribute: "pack"), .profiles(.unknownPack(pack: truncatedForMessage(packID)))))
            return
        }
        guard pack.indicators.contains(where: { $0.id == id }) else {
            diagnostics.append(
                Diagnostic(
                    at: element.location(ofAttribute: "indicator"),
                    .profiles(.unknownIndicator(pack: packID, indicator: truncatedForMessage(id)))))
            return
        }
        guard deselected[packID]?[id] == nil else {
            diagnostics.append(Diagnostic(at: element.location, .profiles(.deselectedTwice(indicator: id, pack: packID))))
            return
        }
        deselected[packID, default: [:]][id] = reason
    }
}

/// Reads a waivers file: each waiver names the indicator, the reason, the approver and the expiry.
///
/// ```xml
/// <waivers>
///   <waiver pack="harmonious-enterprise" indicator="E03" reason="无新建项目" approver="王主席" expires="2020-06-30"/>
/// </waivers>
/// ```
public enum WaiverFile {
    /// The waivers, checked against the packs. Throws `UnreadableFileError` or `DiagnosticsError`.
    public static func load(_ path: String, packs: [RulePack]) throws -> [Waiver] {
        let root = try XMLDocument(contentsOf: path).root
        var diagnostics: [Diagnostic] = []
        var waivers: [Waiver] = []
        guard root.name == "waivers" else {
            throw DiagnosticsError([Diagnostic(at: root.location, .waivers(.wrongRoot(root: root.name)))])
        }
        for element in root.children {
            guard element.name == "waiver" else {
                diagnostics.append(Diagnostic(at: element.location, .waivers(.unexpectedElement(element: element.name))))
                continue
            }
            var missing = ["indicator", "reason", "approver", "expires"].filter { (element.attribute($0) ?? "").isEmpty }
            let packID = element.attribute("pack")
            if let packID, !packs.contains(where: { $0.id == packID }) {
                diagnostics.append(
                    Diagnostic(at: element.location(ofAttribute: "pack"), .waivers(.unknownPack(pack: truncatedForMessage(packID)))))
                continue
            }
            if let id = element.attribute("indicator"), !id.isEmpty,
                !packs.contains(where: { ($0.id == packID || packID == nil) && $0.indicators.contains { $0.id == id } })
            {
                diagnostics.append(Diagnostic(at: element.location(ofAttribute: "indicator"), .waivers(.unknownIndicator(indicator: truncatedForMessage(id)))))
                continue
            }
            let expires = element.attribute("expires").flatMap(Day.init(iso:))
            if expires == nil && !missing.contains("expires") {
                diagnostics.append(
                    Diagnostic(
                        at: element.location(ofAttribute: "expires"),
                        .waivers(.notADate(value: truncatedForMessage(element.attribute("expires") ?? "")))))
                continue
            }
            missing = missing.map { "'\($0)'" }
            guard missing.isEmpty, let expires else {
                diagnostics.append(Diagnostic(at: element.location, .waivers(.needs(missing: missing.joined(separator: ", ")))))
                continue
            }
            waivers.append(
                Waiver(
                    pack: packID, indicator: element.attribute("indicator")!, reason: element.attribute("reason")!,
                    approver: element.attribute("approver")!, expires: expires))
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return waivers
    }
}
