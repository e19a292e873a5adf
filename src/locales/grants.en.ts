// English: the grant workflow pages and the public notice page (same keys as grants.zh-CN.ts).
import type grantsZhCN from "./grants.zh-CN";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const grantsEn: Shape<typeof grantsZhCN> = {
  grants: {
    statuses: {
      draft: "Draft", submitted: "Awaiting screening", screened: "Awaiting budget check", checked: "Awaiting decision", in_notice: "In public notice",
      approved: "Approved", rejected: "Not approved", withdrawn: "Withdrawn",
    },
    purposes: { venue: "Venue building", incubation: "Project incubation", activities: "Activities", rewards: "Rewards", management: "Management" },
    trancheStates: { scheduled: "Scheduled", requested: "Requested", approved: "Approved", paid: "Paid", cancelled: "Cancelled", returned: "Returned" },
    voucherStates: { pending: "Awaiting check", verified: "Verified", rejected: "Rejected" },
    grantStates: { active: "Active", completed: "Completed", terminated: "Terminated" },
    changeStates: { pending: "Awaiting decision", approved: "Approved", rejected: "Not approved" },
    objectionStates: { open: "Open", upheld: "Upheld", dismissed: "Dismissed" },
    fields: {
      title: "Project name", team: "Applying team", purpose: "Purpose", project: "Project", venue: "Venue", activity: "Activity",
      summary: "Description", amount: "Amount", amountYuan: "Amount requested (yuan)", budgetItems: "Itemised budget", period: "Period",
      periodStart: "Start date", periodEnd: "End date", status: "Status", year: "Year", street: "Street", createdAt: "Applied on",
      notice: "Notice period", noticeEnd: "Notice ends", targetHours: "Target service hours", targetPeople: "Target people served",
      targetActivities: "Target activities held",
    },
    applications: {
      title: "Grant applications", apply: "Apply for a grant", needsMe: "Needs my action", all: "All applications", search: "Search project name", open: "Open",
      nothingForMe: "Nothing needs your action right now", noticeUntil: "Notice until {{date}}", notFound: "This application does not exist or you may not see it",
      subject: "\"{{title}}\" · {{amount}}", summary: "Application", allocations: "Funded from (budget lines)",
      rejectedBecause: "Why it was not approved ({{who}}, {{at}}): {{reason}}", withdrawnBecause: "Withdrawn ({{who}}, {{at}}): {{reason}}",
      openGrant: "Open grant agreement {{no}}", noticeRunning: "The notice runs until {{date}}; approval follows once it has ended with no open objection",
      objectionsOpen: "{{n}} objection(s) still open; resolve them before approving",
      twoApprovals: "Above {{threshold}}: two people of the organisation department must approve ({{n}} so far)",
    },
    form: {
      createTitle: "Apply for a grant", editTitle: "Edit application: {{title}}", what: "What is it for", money: "How much", targets: "Targets",
      targetsHint: "Targets that can be counted: at the end they are compared with the team's approved service records.",
      teamRequired: "Choose the team", purposeRequired: "Choose the purpose", titleRequired: "Enter the project name", titleExample: "e.g. Silver lecture hall in the community",
      projectOptional: "Optional", amountRequired: "Enter the amount", amountInvalid: "More than 0, at most two decimals",
      itemName: "Expense", itemNameN: "Expense {{n}}", itemAmountN: "Amount of expense {{n}}", removeItemN: "Remove expense {{n}}",
      itemRequired: "Enter the expense", addItem: "Add an expense", total: "Total",
      runningTotal: "Items total {{total}} / amount requested {{amount}}", totalMismatch: "{{diff}} apart: the items must add up to the amount requested",
      totalMustEqual: "The items must add up to the amount requested", targetRequired: "Enter a target (0 if none)", periodRequired: "Choose a date",
      periodOrder: "The end cannot be before the start", saveDraft: "Save draft", saveSubmit: "Submit",
      submitConfirm: "Submit for the street's screening, asking {{amount}}?", notDraft: "Only a draft can be edited",
    },
    actions: {
      edit: "Edit", submit: "Submit", submitTitle: "Submit application", withdraw: "Withdraw", withdrawTitle: "Withdraw application",
      screen: "Screen", screenTitle: "Screening", pass: "Pass screening", reject: "Reject", rejectTitle: "Reject application",
      rejectReleases: "Rejecting releases the money committed to it.", check: "Budget check", decide: "Decide", decideTitle: "Decision",
      approveDecision: "Fund it and publish the notice", approve: "Approve after the notice", approveTitle: "Approve and make the agreement", decision: "Decision",
      reason: "Reason (kept in the history)", reasonOptional: "Note (optional)",
      firstApproval: "Above {{threshold}}: yours is the first approval; another person of the organisation department must approve too.",
      secondApproval: "Above {{threshold}}: one person has approved; your approval decides and publishes the notice.",
    },
    check: {
      title: "Budget check: {{title}}", subject: "{{team}} applies for \"{{title}}\", asking {{amount}}", line: "Budget line",
      allPurposes: "Show lines of every purpose (this application: {{purpose}})", noLines: "No budget lines for {{year}}",
      tilt: "Priority pool", lineFigures: "Line {{amount}}, available {{available}}", amountOn: "Amount from \"{{line}}\"",
      usedAfter: "{{pct}}% used afterwards", warn: "{{pct}}% of this line used afterwards: mind the balance", over: "More than the {{available}} available on this line",
      total: "Allocated {{total}} / requested {{amount}} (must be equal)",
    },
    objections: {
      title: "Objections", record: "Record objection", recordTitle: "Record objection: {{subject}}", receivedOn: "Received on", content: "Objection",
      resolve: "Resolve", resolveTitle: "Resolve the objection received {{date}}", finding: "Finding", resolution: "Investigation and outcome",
      resolutionIs: "Outcome: {{text}}", none: "No objection received during the notice",
      checking: "An objection was received and is being looked into", confidential: "What the objection says is kept confidential",
    },
    timeline: { title: "History", you: "you", someone: "staff",
      to: { draft: "Draft created", submitted: "Submitted", screened: "Passed screening", checked: "Budget checked", in_notice: "Funded; notice started", approved: "Approved; agreement made", rejected: "Rejected", withdrawn: "Withdrawn" } },
    done: {
      draftSaved: "Draft saved", submitted: "Submitted for screening", withdrawn: "Application withdrawn", screened: "Passed screening; now with finance",
      rejected: "Rejected", checked: "Budget checked; now with the organisation department", firstApproval: "Your approval is recorded; a second person must approve",
      inNotice: "Funded; the public notice has started", approved: "Approved; the grant agreement is made", objectionRecorded: "Objection recorded", objectionResolved: "Objection resolved",
      scheduled: "Tranche scheduled", requested: "Payment requested", trancheApproved: "Payment approved", paid: "Paid", cancelled: "Tranche cancelled",
      returned: "Return booked", voucherUploaded: "Voucher uploaded; finance will check it", voucherVerified: "Voucher verified", voucherRejected: "Voucher rejected",
      changeRequested: "Change requested", changeApproved: "Change approved", changeRejected: "Change not approved", evaluated: "Performance evaluated", published: "Result published",
    },
    grant: {
      title: "Grant agreement {{no}}", listTitle: "Grants", agreementNo: "Agreement no.", search: "Search agreement no.", paid: "Paid",
      notFound: "This grant does not exist or you may not see it", closed: "This grant is {{status}}: no more payments or changes",
    },
    tranches: {
      amountYuan: "Amount (yuan)", title: "Tranches", none: "No tranche scheduled yet", schedule: "Schedule a tranche", scheduleTitle: "Schedule a tranche: agreement {{no}} ({{amount}})",
      seq: "Tranche {{seq}}", dueOn: "Due on", paidOn: "Paid on", voucherNo: "Payment voucher no. (optional)", request: "Request payment",
      requestTitle: "Request payment", approve: "Approve payment", approveTitle: "Approve payment", pay: "Pay", payTitle: "Pay tranche {{seq}} (agreement {{no}})",
      paySubject: "Pay {{amount}} to {{team}}", cancel: "Cancel", cancelTitle: "Cancel tranche", return: "Book a return", returnTitle: "Book a return",
      subject: "Agreement {{no}}, tranche {{seq}} · {{amount}}", lineIs: "Line: {{line}}", dueIs: "due {{date}}", paidIs: "paid {{date}}",
      voucherNoIs: "voucher no. {{no}}", summary: "Scheduled {{scheduled}} of {{amount}}; paid {{paid}}",
      gated: "Pay this once the previous tranche's vouchers are verified",
    },
    vouchers: {
      title: "Vouchers", none: "No voucher uploaded yet", upload: "Upload voucher", uploadTitle: "Upload a voucher: agreement {{no}}, tranche {{seq}} ({{amount}})",
      takePhoto: "Take a photo", chooseFile: "Choose an image or PDF", chosen: "Chosen: {{name}} ({{kb}} KB)", fileRequired: "Take a photo or choose a file",
      wrongType: "Images (JPG, PNG, WEBP, HEIC) or PDF only", tooLarge: "At most 10 MB",
      fileHint: "Invoices, receipts: make sure the amount and date are readable.", amount: "Voucher amount (yuan)", issuedOn: "Issued on", description: "Note (optional)",
      open: "Open", openNamed: "Open voucher {{name}}", check: "Check", checkTitle: "Check voucher", verify: "Verify", reject: "Reject",
      subject: "{{name}} · {{amount}}", reasonIs: "Note: {{text}}",
    },
    changes: {
      amountYuan: "Amount to move (yuan)", title: "Change requests", none: "No change requested", request: "Request a change", requestTitle: "Request a change: agreement {{no}}", kind: "Kind",
      kinds: { targets: "Change targets", move_money: "Move money between lines" }, before: "Before", after: "After", fromLine: "From line", toLine: "To line",
      lineOption: "{{name}} ({{available}} available)", decide: "Decide", decideTitle: "Decide on the change", approve: "Approve change", reject: "Do not approve",
      targetsValue: "{{h}} h · {{p}} people · {{n}} activities", moneyValue: "{{from}} {{fromFen}} · {{to}} {{toFen}}",
    },
    evaluation: {
      title: "Performance", none: "Not evaluated yet: computed from the team's approved service records at the end", evaluate: "Evaluate", reevaluate: "Evaluate again",
      evaluateConfirm: "Compute the performance of agreement {{no}} from approved service records in its period?", publish: "Publish", publishConfirm: "Publish the result of agreement {{no}}? It cannot be re-evaluated afterwards.",
      achievement: "{{pct}}% of targets reached", published: "Published", unpublished: "Not published", measure: "Measure", target: "Target", actual: "Actual",
      money: "{{from}} to {{to}}: {{paid}} paid, {{perHour}} per service hour",
      afterEnd: "The grant runs until {{date}}: it can be evaluated after that",
    },
    needs: {
      title: "Funds: needs my action", my_drafts: "{{n}} draft application(s) not submitted", my_vouchers_due: "{{n}} paid tranche(s) without a voucher",
      my_rejected_vouchers: "{{n}} voucher(s) rejected: see why", screen: "{{n}} application(s) to screen", check: "{{n}} application(s) for the budget check",
      decide: "{{n}} application(s) to decide", second_approval: "{{n}} large application(s) awaiting a second approval", approve_after_notice: "{{n}} application(s) past their notice, to approve",
      objections_open: "{{n}} objection(s) to resolve", tranche_approve: "{{n}} payment request(s) to approve", tranche_pay: "{{n}} payment(s) to make",
      voucher_check: "{{n}} voucher(s) to check", change_decide: "{{n}} change request(s) to decide",
    },
  },
  publicNotice: {
    title: "Public notice of grants", intro: "These volunteer projects are to receive district special funds or alliance money. Anyone may object during the notice period, as described below.",
    howToObject: "How to object", contactFallback: "Contact the district organisation department (retired cadres bureau).", current: "In notice or awaiting approval ({{n}})", recent: "Approved in the last 30 days ({{n}})",
    none: "Nothing is in notice right now", project: "Project: {{name}}", period: "Notice: {{from}} to {{to}}", inNotice: "In notice", noticeEnded: "Notice period over, awaiting objections or approval", approved: "Approved",
    staffSignIn: "Staff sign-in", link: "Public notice of grants",
  },
};

export default grantsEn;
