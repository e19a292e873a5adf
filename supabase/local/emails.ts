// The emails the local auth sends: Chinese first (the product is Chinese first), English below,
// like the templates a hosted project sets in Authentication → Email Templates. Only the link: the
// app has no page to type a code into (the one-time code goes in a header the tests read, the way a
// hosted template may use {{ .Token }} or leave it out). An invitation names who invited the person,
// the role and the unit when invite-staff passed them as `data` ({{ .Data.invited_by }} etc. there).
import { escapeHtml as esc, type OutgoingMail } from "./mailbox.ts";

export type EmailKind = "invite" | "recovery" | "signup" | "email_change";

const TEXT: Record<EmailKind, { subject: string; zh: string; en: string; zhAction: string; enAction: string }> = {
  invite: {
    subject: "邀请您加入银龄志愿服务管理后台 / You are invited to the Silver Volunteer back office",
    zh: "您好！您已被邀请加入银龄志愿服务管理后台。请点击下面的链接接受邀请并设置登录密码。",
    en: "Hello, you have been invited to the Silver Volunteer Service back office. Follow the link below to accept the invitation and set your password.",
    zhAction: "接受邀请",
    enAction: "Accept the invitation",
  },
  recovery: {
    subject: "重置您的密码 / Reset your password",
    zh: "您好！我们收到了重置您银龄志愿服务管理后台密码的请求。请点击下面的链接设置新密码。",
    en: "Hello, we received a request to reset your Silver Volunteer back office password. Follow the link below to set a new password.",
    zhAction: "设置新密码",
    enAction: "Set a new password",
  },
  signup: {
    subject: "确认您的邮箱 / Confirm your email address",
    zh: "您好！请点击下面的链接确认您的邮箱地址。",
    en: "Hello, follow the link below to confirm your email address.",
    zhAction: "确认邮箱",
    enAction: "Confirm the address",
  },
  email_change: {
    subject: "确认新的邮箱地址 / Confirm your new email address",
    zh: "您好！请点击下面的链接确认把登录邮箱改为此地址。",
    en: "Hello, follow the link below to confirm this address as your new sign-in email.",
    zhAction: "确认新邮箱",
    enAction: "Confirm the new address",
  },
};

function validity(seconds: number): { zh: string; en: string } {
  if (seconds % 3600 === 0) return { zh: `${seconds / 3600} 小时`, en: `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}` };
  return { zh: `${Math.round(seconds / 60)} 分钟`, en: `${Math.round(seconds / 60)} minutes` };
}

/** The role names people read (the app's src/locales, repeated: this file runs in the stack's Node). */
const ROLE_NAMES: Record<string, { zh: string; en: string }> = {
  org_admin: { zh: "组织部管理员", en: "organisation department admin" },
  street_admin: { zh: "街道管理员", en: "street admin" },
  community_admin: { zh: "社区管理员", en: "community admin" },
  team_leader: { zh: "团队队长", en: "team leader" },
  finance: { zh: "财务", en: "finance officer" },
};

/** "王主任 邀请您担任 夕阳红文艺队 的 团队队长。" from the invitation's user metadata, when it is there. */
function invitedBy(data: Record<string, unknown> | null | undefined): { zh: string; en: string } | undefined {
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 80) : undefined);
  const who = text(data?.invited_by);
  if (!who) return undefined;
  const role = ROLE_NAMES[text(data?.role) ?? ""];
  const unit = text(data?.unit_name);
  if (!role || !unit) return { zh: `${who} 邀请您加入。`, en: `${who} invited you.` };
  return { zh: `${who} 邀请您担任 ${unit} 的 ${role.zh}。`, en: `${who} invited you to be ${role.en} of ${unit}.` };
}

export function authEmail(kind: EmailKind, to: string, link: string, otp: string, validForSeconds: number, data?: Record<string, unknown> | null): OutgoingMail {
  const t = TEXT[kind];
  const v = validity(validForSeconds);
  const who = kind === "invite" ? invitedBy(data) : undefined;
  const zh = who ? `您好！${who.zh}请点击下面的链接接受邀请并设置登录密码。` : t.zh;
  const en = who ? `Hello, ${who.en} Follow the link below to accept the invitation and set your password.` : t.en;
  const text = [
    zh,
    "",
    link,
    "",
    `链接 ${v.zh}内有效，只能使用一次。如果您没有预期收到这封邮件，请忽略它。`,
    "",
    "——",
    "",
    en,
    "",
    link,
    "",
    `The link is valid for ${v.en} and can be used once. If you did not expect this email, ignore it.`,
  ].join("\n");
  const html = `<div lang="zh-CN"><p>${esc(zh)}</p>
<p><a href="${esc(link)}" style="display:inline-block;padding:12px 24px;background:#0958d9;color:#fff;text-decoration:none;border-radius:6px;font-size:16px">${esc(t.zhAction)}</a></p>
<p style="color:#595959">链接 ${esc(v.zh)}内有效，只能使用一次。如果您没有预期收到这封邮件，请忽略它。</p></div>
<hr>
<div lang="en"><p>${esc(en)}</p>
<p><a href="${esc(link)}" style="color:#0958d9">${esc(t.enAction)}</a></p>
<p style="color:#595959">The link is valid for ${esc(v.en)} and can be used once. If you did not expect this email, ignore it.</p></div>
<p style="color:#595959;font-size:12px;overflow-wrap:anywhere">${esc(link)}</p>`;
  return { to, subject: t.subject, text, html, headers: { "X-Local-Otp": otp } };
}
