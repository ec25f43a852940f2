import HeguiBase

extension MessageSamples {
    static let web: [WebMessage] =
        WebLabel.allCases.map(WebMessage.label) + [
            .roleInDepartment(role: LocalizedText(zh: "责任部门", en: "department"), department: "安全部"),
            .requirement(text: LocalizedText(zh: "劳动合同签订率 ≥ 95%", en: "contract rate ≥ 95%")), .measured(value: "98%"),
            .required(threshold: "≥ 95%"), .deadlineFormat(text: "2019/07/01"), .dateFormat, .periodFormat,
            .recordsFileName(name: "x.txt"), .uploadRecords, .photoTooLarge(megabytes: "10"), .notAPhoto, .itemCount(count: 3),
            .enterpriseCount(count: 2), .issueCount(count: 4), .gradeDeadline(grade: "一般", days: 30),
        ]
}
