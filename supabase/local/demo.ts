// The demo accounts that supabase/seed.sql creates (local stack only; a hosted project gets none).
export const DEMO_PASSWORD = "demo123456";
export const DEMO_ACCOUNTS = [
  { email: "org@demo.local", label: "区委组织部 organisation department (whole district)" },
  { email: "street@demo.local", label: "街道管理员 street admin (八大湖街道)" },
  { email: "leader@demo.local", label: "队长 team leader (one team)" },
  { email: "finance@demo.local", label: "财务 finance" },
  { email: "org2@demo.local", label: "区委组织部 second org admin (second approval above ¥50,000)" },
  { email: "street2@demo.local", label: "街道管理员 street admin (中山路街道)" },
  { email: "finance2@demo.local", label: "财务 street finance (八大湖街道)" },
  { email: "leader2@demo.local", label: "队长 team leader (天津路, 中山路街道)" },
  { email: "leader3@demo.local", label: "队长 team leader (南京路, 八大湖街道)" },
] as const;
