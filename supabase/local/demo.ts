// The demo accounts that supabase/seed.sql creates (local stack only; a hosted project gets none).
export const DEMO_PASSWORD = "demo123456";
export const DEMO_ACCOUNTS = [
  { email: "org@demo.local", label: "区委组织部 organisation department (whole district)" },
  { email: "street@demo.local", label: "街道管理员 street admin (八大湖街道)" },
  { email: "leader@demo.local", label: "队长 team leader (one team)" },
  { email: "finance@demo.local", label: "财务 finance" },
] as const;
