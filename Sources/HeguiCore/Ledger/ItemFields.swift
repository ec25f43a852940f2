import HeguiBase

extension RectificationItem {
    /// What a person reads about the item, in order, empty fields left out: the fields `hegui rectify
    /// show` and the web item page both list (each adds its own source, id, evidence and moves).
    public func shownFields(today: Day, language: Language) -> [(field: ItemField, value: String)] {
        let deadlineText = deadline.description
        let fields: [(ItemField, String?)] = [
            (.pack, pack), (.indicator, indicator), (.period, period), (.patrol, patrolID.map(String.init)),
            (.foundOn, foundOn.description), (.finder, finder), (.location, location), (.description, description),
            (.category, category), (.grade, grade), (.measure, measure), (.funds, funds.map(formatNumber)),
            (.department, department), (.responsible, responsible),
            (.deadline, isOverdue(on: today) ? Message.rectify(.deadlineOverdue(deadline: deadlineText)).text(language) : deadlineText),
            (.rechecker, rechecker), (.status, status.title.text(language)), (.submittedBy, submittedBy),
            (.verifiedBy, verifiedBy), (.verifiedOn, verifiedOn?.description),
            (.overdueHistory, missedDeadline.map { Message.ledger(.everOverdue(deadline: $0.description)).text(language) }),
            (.published, publishedOn.map { Message.ledger(.published(day: $0.description)).text(language) }),
        ]
        return fields.compactMap { field, value in
            guard let value, !value.isEmpty else { return nil }
            return (field, value)
        }
    }
}
