#!/usr/bin/env python3
"""Writes the column tables of docs/records.md from the rule packs (between the GENERATED markers).

Run from the repository root: python3 scripts/records-doc.py
The field list, types, labels and "read by" columns come from rules/*.xml, so the document
cannot drift from the packs; the prose around the tables is edited by hand.
"""
import glob, re, xml.etree.ElementTree as ET

kinds, order, readers = {}, [], {}
for path in sorted(glob.glob('rules/*.xml')):
    root = ET.parse(path).getroot()
    pack = root.get('id')
    for kind in root.findall('record-kind'):
        kid = kind.get('id')
        if kid not in kinds:
            order.append(kid)
            kinds[kid] = kind
    for item in root.findall('indicator') + root.findall('veto'):
        iid = item.get('id')
        def note(k, f):
            readers.setdefault((k, f), set()).add(iid)
            readers.setdefault((k, None), set()).add(iid)
        def walk(el, k):
            if el.get('of'):
                outer = k
                k = el.get('of')
                if el.tag == 'has':
                    note(outer, el.get('by')); note(k, el.get('to') or el.get('by'))
                else:
                    note(k, None)
            if el.tag == 'attested':
                for f in ('indicator', 'attestedBy', 'document', 'attestedOn'): note('attestation', f)
            if k:
                if el.tag == 'field': note(k, el.get('name'))
                if el.get('field'): note(k, el.get('field'))
                for f in (el.get('group-by') or '').split(): note(k, f)
                for f in (el.get('fields') or '').split(): note(k, f)
                for v in el.attrib.values():
                    for m in re.findall(r'@(\w+)', v): note(k, m)
            for child in el: walk(child, k)
        walk(item, None)

MEANING = {
    'employeeId': 'employee number (工号), links to employee.csv', 'name': 'name', 'id': 'document or record number',
    'type': 'category (allowed values listed)', 'gender': 'gender', 'birthDate': 'date of birth (child-labour checks)',
    'hiredOn': 'first day of employment', 'leftOn': 'last day of employment; empty while employed',
    'department': 'department', 'team': 'team (班组) name, written identically everywhere', 'post': 'job title',
    'contractSigned': 'a written labour contract is signed', 'contractType': 'contract term type',
    'insuranceCovered': 'covered by all five social insurances (养老 医疗 失业 工伤 生育)',
    'unionMember': 'union member', 'exposedToHazards': 'works exposed to occupational hazards (noise, dust, …)',
    'ppeIssued': 'personal protective equipment issued', 'safetyRole': 'principal (主要负责人) or safety manager; empty otherwise',
    'keyFinancePost': 'holds a key union-finance post (sub-union chair, finance, association head)',
    'month': 'wage month (any day in it)', 'grossWage': 'gross monthly wage (yuan)', 'dueOn': 'agreed pay day',
    'paidOn': 'actual pay day', 'arrears': 'unpaid amount (yuan); 0 when paid in full',
    'date': 'work day', 'hoursWorked': 'hours worked that day', 'overtimeHours': 'overtime hours that day',
    'startsOn': 'first day', 'endsOn': 'last day', 'days': 'number of days', 'examinedOn': 'examination date',
    'institution': 'examining institution', 'result': 'conclusion', 'hours': 'training hours', 'topic': 'subject',
    'signedOn': 'signature date', 'validFrom': 'first day of validity', 'validTo': 'last day of validity',
    'filedOn': 'date filed with the labour authority', 'filedWith': 'authority filed with', 'heldOn': 'date held',
    'outcome': 'result', 'delegates': 'number of delegates', 'frontLineDelegates': 'delegates who are front-line workers',
    'attended': 'delegates present', 'publishedOn': 'date made public', 'channel': 'how it was made public',
    'establishedOn': 'date set up', 'dissolvedOn': 'date dissolved; empty while it exists',
    'year': 'last day of the year the row describes (2019-12-31)', 'revenue': 'operating revenue (万元)',
    'profit': 'total profit (万元)', 'tax': 'taxes paid (万元)', 'sales': 'sales (万元)', 'rdSpend': 'R&D spend (万元)',
    'energy': 'total energy use (tonnes of coal equivalent)', 'output': 'output (10,000 cases)',
    'payrollTotal': 'total payroll (万元)', 'averageHeadcount': 'average number of employees',
    'headcountAtEnd': 'employees at year end', 'trainingSpend': 'employee education spend (万元)',
    'unionFundsPaid': 'union funds paid (万元)', 'unionFundsArrears': 'union funds owed (万元)',
    'insuranceArrears': 'social-insurance contributions owed (万元)', 'laborCreditRating': 'labour-security credit rating',
    'issuer': 'issuing body', 'occurredOn': 'date it happened', 'grade': 'grade (accident class or hazard/issue grade)',
    'deaths': 'deaths', 'seriousInjuries': 'serious injuries (重伤)', 'minorInjuries': 'minor injuries (轻伤)',
    'description': 'what happened / what is wrong', 'filedOn@dispute': 'date accepted',
    'workers': 'workers involved', 'massIncident': 'a mass incident (群体性事件)', 'causedByEnterprise': 'the enterprise is responsible',
    'resolvedBy': 'how it was settled', 'decidedOn': 'decision date', 'severity': 'severity', 'authority': 'deciding authority',
    'amount': 'amount (yuan)', 'conductedOn': 'survey date', 'respondents': 'valid questionnaires',
    'satisfied': 'satisfied or fairly satisfied answers', 'category': 'category', 'setting': 'indoor, outdoor or online',
    'participants': 'number of participants', 'cost': 'cost (yuan)', 'quotes': 'number of quotes obtained',
    'priceTalk': 'a price-comparison talk (比价约谈) was held', 'safetyNoticeOn': 'date the safety notice (安管告知) was issued',
    'thirdParty': 'third party running the activity; empty when run in-house',
    'constraintAgreementOn': 'date the constraint agreement with the third party was signed',
    'beneficiary': 'beneficiary', 'familyId': 'needy-family file number', 'registeredOn': 'date put on the register',
    'removedOn': 'date taken off the register', 'reason': 'reason', 'visitedOn': 'visit date', 'visitor': 'who visited',
    'giftValue': 'value of the gift (yuan)', 'level': 'level (company, factory, department, city, …)',
    'planIssuedOn': 'date the written plan was issued', 'items': 'number of contest items', 'startedOn': 'construction start',
    'eiaApprovedOn': 'date of the EIA approval', 'acceptedOn': 'date of the completion acceptance',
    'leader': 'team leader', 'candidate': 'put forward as a winning team (优胜班组)', 'scenario': 'drill scenario',
    'checkedOn': 'date of the investigation', 'scope': 'scope', 'hazardsFound': 'hazards found',
    'foundOn': 'date found', 'location': 'where', 'deadline': 'rectification deadline', 'closedOn': 'date closed',
    'planDocument': 'the rectification plan document (required for 重大)', 'notifiedOn': 'date the inspected unit was told',
    'representatives': 'worker representatives taking part', 'issuesFound': 'issues found',
    'reportedOn': 'date reported to the workers\' congress', 'source': 'check (from a hegui check) or patrol',
    'indicator': 'indicator id (e.g. D02, AK01)', 'responsible': 'responsible person', 'status': 'status word',
    'finder': 'who found it', 'measure': 'the fix to make (整改措施)', 'funds': 'money set aside for the fix, yuan (整改资金)',
    'rechecker': 'the planned re-checker (复查人)', 'submittedBy': 'who submitted the fix',
    'verifiedBy': 're-checker', 'verifiedOn': 're-check (verification) date', 'struckOff': 'struck off (销号)',
    'overdue': 'past the deadline and not struck off', 'published': 'result made public (公示)',
    'spentOn': 'payment date', 'purpose': 'purpose', 'activityId': 'the activity paid for (activity.id)',
    'handler': 'handled by (经办)', 'reviewer': 'reviewed by (审核)', 'approver': 'approved by (审批)',
    'role': 'capacity in which the letter was signed', 'attendees': 'attendees', 'title': 'title',
    'revisedOn': 'date of the last revision', 'adoptedBy': 'body that adopted it', 'attestedBy': 'person attesting',
    'document': 'the document attested', 'attestedOn': 'date attested',
}

def cell(s): return s.replace('|', '\\|')
out = []
for kid in order:
    kind = kinds[kid]
    titles = {t.get('lang'): t.text for t in kind.findall('title')}
    extra = []
    if kind.get('key'): extra.append(f"key `{kind.get('key')}`")
    extra.append(f"date `{kind.get('date')}` (only rows in the evaluated window count)" if kind.get('date') else 'no date field (read whole)')
    read = ', '.join(sorted(readers.get((kid, None), []))) or '—'
    out.append(f"### `{kid}.csv` — {titles['zh-CN']} / {titles['en']}\n\n{'; '.join(extra)}. Read by: {read}.\n")
    out.append('| field | type | 列名 (label) | required | meaning | values | read by |')
    out.append('|---|---|---|---|---|---|---|')
    for f in kind.findall('field'):
        name = f.get('name')
        by = ', '.join(sorted(readers.get((kid, name), []))) or '—'
        if name == kind.get('date'): by = 'window' + ('' if by == '—' else ', ' + by)
        meaning = MEANING.get(f'{name}@{kid}') or MEANING.get(name, '')
        out.append(f"| `{name}` | {f.get('type')} | {cell(f.get('label') or '')} | {'yes' if f.get('required') == 'true' else ''} | {cell(meaning)} | {cell(f.get('values') or '')} | {by} |")
    out.append('')
doc = open('docs/records.md').read()
start, end = '<!-- GENERATED: scripts/records-doc.py -->', '<!-- END GENERATED -->'
doc = doc[:doc.index(start) + len(start)] + '\n\n' + '\n'.join(out) + '\n' + doc[doc.index(end):]
open('docs/records.md', 'w').write(doc)
print(f'{len(order)} kinds')
