// English, the second locale. Same keys as zh-CN.ts.
import type zhCN from "./zh-CN";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<typeof zhCN> = {
  app: { title: "Silver Volunteers Admin", subtitle: "Shinan district volunteer service by retired officials" },
  buttons: {
    create: "Create", save: "Save", logout: "Log out", delete: "Delete", edit: "Edit", cancel: "Cancel",
    confirm: "Are you sure?", filter: "Filter", clear: "Clear", refresh: "Refresh", show: "Show", undo: "Undo",
    import: "Import", clone: "Clone", notAccessTitle: "You don't have permission to do this", export: "Export CSV",
    search: "Search", reset: "Reset", ok: "OK", back: "Back",
  },
  warnWhenUnsavedChanges: "You have unsaved changes. Leave anyway?",
  notifications: {
    success: "Done", error: "Failed ({{statusCode}})", undoable: "You have {{seconds}} seconds to undo",
    createSuccess: "Created {{resource}}", createError: "Could not create {{resource}} ({{statusCode}})",
    deleteSuccess: "Deleted {{resource}}", deleteError: "Could not delete {{resource}} ({{statusCode}})",
    editSuccess: "Saved {{resource}}", editError: "Could not save {{resource}} ({{statusCode}})",
    importProgress: "Importing: {{processed}}/{{total}}",
  },
  loading: "Loading", tags: { clone: "Clone" },
  table: { actions: "Actions" },
  actions: { list: "List", create: "Create", edit: "Edit", show: "Show", clone: "Clone" },
  documentTitle: { default: "Silver Volunteers Admin", suffix: " | Silver Volunteers" },
  autoSave: { success: "Saved", error: "Autosave failed", loading: "Saving…", idle: "Waiting for changes" },
  pages: {
    login: {
      title: "Sign in", signin: "Sign in", signup: "Sign up", divider: "or",
      fields: { email: "Email", password: "Password" },
      buttons: { rememberMe: "Remember me", forgotPassword: "Forgot password?", noAccount: "No account?", haveAccount: "Have an account?" },
      errors: { requiredEmail: "Enter your email", validEmail: "Not a valid email", requiredPassword: "Enter your password" },
      demo: "Demo accounts (password demo123456)", failed: "Wrong email or password",
    },
    error: { info: "This page does not exist", backHome: "Back home", 404: "Not found" },
  },
  errors: {
    forbidden: "Not allowed: the database refused this (outside your scope)",
    unique: "Duplicates an existing record", check: "The data breaks a rule", foreignKey: "A referenced record does not exist",
    inUse: "Still referenced by other data (sub-units or roster history): cannot delete",
    required: "Fill in the required fields", invalidInput: "Invalid input",
    network: "Cannot reach the server. Check the connection and retry (what you typed is kept)",
    sessionExpired: "Your session expired, sign in again", noRows: "Nothing changed: you may lack permission, or the record is gone",
    unknown: "Failed: {{message}}",
    oneCaptain: "A team has at most one active captain: change the current captain's role first",
    alreadyMember: "This person is already an active member of the team", leftBeforeJoined: "Leaving date is before joining date",
    membershipFixed: "A membership cannot move to another team or person; a former member is added again",
    notATeam: "Only teams have members", grantExists: "This person already holds this role here",
    roleLevel: "This role cannot be granted at this level", grantImmutable: "A grant cannot be changed, only revoked",
    duplicateName: "A unit with this name already exists under the same parent", levelOrder: "Wrong level: district → street → community → team",
    phone: "Not a valid mobile or landline number", homeCommunity: "Home must be a community", birthYear: "Implausible birth year",
  },
  nav: { dashboard: "Overview", orgTree: "Organisation", teams: "Teams", volunteers: "Talent pool", staff: "Staff & roles", account: "My account" },
  roles: { org_admin: "Organisation dept.", street_admin: "Street admin", community_admin: "Community admin", team_leader: "Team leader", finance: "Finance" },
  levels: { district: "District", street: "Street", community: "Community", team: "Team" },
  memberRoles: { captain: "Captain", vice_captain: "Vice-captain", member: "Member", liaison: "Liaison" },
  posts: { party_branch_secretary: "Party branch secretary", grid_leader: "Grid leader", building_leader: "Building leader", owners_committee: "Owners' committee" },
  gender: { male: "Male", female: "Female" },
  status: { active: "Active", paused: "Paused", withdrawn: "Withdrawn" },
  common: {
    all: "All", yes: "Yes", no: "No", none: "None", empty: "No data", total: "{{total}} in all", scope: "Scope",
    street: "Street", community: "Community", team: "Team", name: "Name", level: "Level", loading: "Loading…",
  },
  dashboard: {
    title: "Overview", welcome: "Hello, {{name}}", teams: "Teams", volunteers: "Volunteers", activeMembers: "Active members",
    talentPool: "In talent pool", posts: "Holding community posts", groups: "In guidance groups", byStreet: "Teams and members by street",
    members: "Members", teamCount: "Teams",
  },
  orgTree: {
    title: "Organisation", addChild: "Add sub-unit", move: "Move", moveTo: "Move to", parent: "Parent", description: "Description",
    established: "Established", members: "Active members", deleteConfirm: "Delete “{{name}}”? Units with sub-units or roster history cannot be deleted.",
    selectHint: "Select a unit on the left", search: "Search units", moved: "Moved", moveHint: "Teams move between communities, communities between streets",
  },
  teams: {
    title: "Teams", roster: "Roster", members: "Active members", captain: "Captain", filterStreet: "Street",
    filterCommunity: "Community", searchName: "Search team name",
  },
  roster: {
    title: "Roster", add: "Add member", addNew: "Register a new volunteer", addExisting: "Add from the talent pool", role: "Role",
    joined: "Joined", left: "Left", leftReason: "Reason for leaving", markLeft: "Record leaving", changeRole: "Change role",
    showHistory: "Show former members", active: "Active", former: "Left",
    captainRule: "A team has one active captain. Current captain: {{name}}. Change their role first.",
    leaveConfirm: "Record that {{name}} left? The entry stays in the roster history.", volunteer: "Volunteer", pickVolunteer: "Choose a volunteer",
    readOnly: "You can only read this roster", phone: "Phone", noPhone: "Hidden",
  },
  volunteers: {
    title: "Talent pool", name: "Name", gender: "Gender", birthYear: "Birth year", age: "Age", phone: "Phone",
    homeCommunity: "Home community", homeStreet: "Street", formerUnit: "Former employer", formerPost: "Former post", formerLevel: "Former level",
    partyMember: "Party member", categories: "Talent categories", skills: "Skills", posts: "Community posts", groups: "Guidance groups",
    status: "Status", note: "Note", inPool: "Talent pool", searchName: "Search by name", teams: "Teams", created: "Registered",
    phoneHint: "Mobile (11 digits) or landline (area code-number)", skillsHint: "Type and press Enter; several allowed",
  },
  staff: {
    title: "Staff & roles", invite: "Invite / grant", email: "Email", role: "Role", unit: "Scope", grantedAt: "Granted",
    state: "State", pending: "Awaiting sign-up", activeGrant: "Active", revoked: "Revoked", revoke: "Revoke",
    revokeConfirm: "Revoke “{{role}}” from {{email}}?", note: "Note", inviteHint: "Takes effect when this email signs up or signs in",
    showRevoked: "Show revoked",
  },
  account: {
    title: "My account", email: "Sign-in email", displayName: "Display name", grants: "My roles", changePassword: "Change password",
    newPassword: "New password", passwordHint: "At least 6 characters", saved: "Saved", language: "Language",
  },
};

export default en;
