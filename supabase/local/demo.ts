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

/** The files the demo rows point at: a generated sample (PDF or image) for every voucher of the seed, uploaded
 *  through the Storage API so that storage.objects and the files agree, as after real uploads. Idempotent. */
export async function seedDemoFiles(stack: { apiUrl: string; dbUrl: string; config: { serviceRoleKey: string } }): Promise<number> {
  const { seedSampleFiles } = await import("./storage-files.ts");
  const put = await seedSampleFiles(stack, `
    select v.bucket, v.object_path as path, v.mime as content_type, 'voucher ' || v.id || ' ' || coalesce(g.agreement_no, '') as label
      from public.grant_vouchers v join public.grants g on g.id = v.grant_id`);
  return put.uploaded.length;
}
