// The emails the local auth sends: Chinese first (the product is Chinese first), English below,
// like the templates a hosted project sets in Authentication → Email Templates.
import type { OutgoingMail } from "./mailbox.ts";

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

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function authEmail(kind: EmailKind, to: string, link: string, otp: string, validForSeconds: number): OutgoingMail {
  const t = TEXT[kind];
  const v = validity(validForSeconds);
  const text = [
    t.zh,
    "",
    link,
    "",
    `也可以在页面上输入验证码：${otp}`,
    `链接和验证码 ${v.zh}内有效，只能使用一次。如果您没有预期收到这封邮件，请忽略它。`,
    "",
    "——",
    "",
    t.en,
    "",
    link,
    "",
    `Or enter this code: ${otp}`,
    `The link and the code are valid for ${v.en} and can be used once. If you did not expect this email, ignore it.`,
  ].join("\n");
  const html = `<div lang="zh-CN"><p>${esc(t.zh)}</p>
<p><a href="${esc(link)}" style="display:inline-block;padding:10px 20px;background:#1677ff;color:#fff;text-decoration:none;border-radius:6px">${esc(t.zhAction)}</a></p>
<p>也可以在页面上输入验证码：<b>${esc(otp)}</b></p>
<p style="color:#666">链接和验证码 ${esc(v.zh)}内有效，只能使用一次。如果您没有预期收到这封邮件，请忽略它。</p></div>
<hr>
<div lang="en"><p>${esc(t.en)}</p>
<p><a href="${esc(link)}">${esc(t.enAction)}</a></p>
<p>Or enter this code: <b>${esc(otp)}</b></p>
<p style="color:#666">The link and the code are valid for ${esc(v.en)} and can be used once. If you did not expect this email, ignore it.</p></div>
<p style="color:#999;font-size:12px;word-break:break-all">${esc(link)}</p>`;
  return { to, subject: t.subject, text, html };
}
