import HeguiCore

/// Everything a signed-in person can ask of `hegui serve`; each route needs exactly one.
public enum WebAction: String, CaseIterable, Sendable {
    case viewDashboard = "view-dashboard"
    case viewRuns = "view-runs"
    case viewReport = "view-report"
    case runCheck = "run-check"
    case viewBoard = "view-board"
    case viewPatrols = "view-patrols"
    case startPatrol = "start-patrol"
    case addIssue = "add-issue"
    case assign
    case start
    case submit
    case verify
    case reject
    case dispute
    case reopen
    case viewAudit = "view-audit"
    case viewPublic = "view-public"
    case manageSettings = "manage-settings"
    case changePassword = "change-password"
    case viewFederation = "view-federation"

    /// The web action for a ledger lifecycle action.
    init(_ action: RectificationAction) {
        switch action {
        case .assign: self = .assign
        case .start: self = .start
        case .submit: self = .submit
        case .verify: self = .verify
        case .reject: self = .reject
        case .dispute: self = .dispute
        case .reopen: self = .reopen
        }
    }
}

/// The authorisation matrix (role × action), as documented in docs/web.md. Who may act is decided
/// here; whether the move is legal and the independence rules (the verifier is not the submitter …)
/// stay in the core's lifecycle, applied to the signed-in name.
public enum Authorization {
    /// Whether a role may take an action at all (a department only on its own items: see `allows(_:_:item:)`).
    public static func allows(_ role: AccountRole, _ action: WebAction) -> Bool {
        switch role {
        case .admin:
            // An admin runs one enterprise's ledger; only the federation sees across enterprises.
            return action != .viewFederation
        case .officer:
            return ![.start, .submit, .verify, .reject, .dispute, .manageSettings, .viewFederation].contains(action)
        case .representative:
            return [.viewDashboard, .viewBoard, .viewPatrols, .startPatrol, .addIssue, .dispute, .viewPublic, .changePassword]
                .contains(action)
        case .department:
            return [.viewDashboard, .viewBoard, .viewPatrols, .start, .submit, .viewPublic, .changePassword].contains(action)
        case .verifier:
            return [.viewDashboard, .viewBoard, .viewPatrols, .verify, .reject, .viewAudit, .viewPublic, .changePassword]
                .contains(action)
        case .viewer:
            return [.viewDashboard, .viewRuns, .viewReport, .viewBoard, .viewPatrols, .viewAudit, .viewPublic, .changePassword]
                .contains(action)
        case .federation:
            // Reads every enterprise (one at a time, chosen on the federation page) and changes nothing.
            return [
                .viewFederation, .viewDashboard, .viewRuns, .viewBoard, .viewPatrols, .viewAudit, .viewPublic, .changePassword,
            ].contains(action)
        }
    }

    /// Whether a role may take an action on one item: a department account acts only on items whose
    /// responsible department is its own.
    public static func allows(_ role: AccountRole, _ action: WebAction, item: RectificationItem) -> Bool {
        guard allows(role, action) else { return false }
        if let department = role.department { return item.department == department }
        return true
    }
}
