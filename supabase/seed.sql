-- The demo district: Shinan district (市南区), Qingdao, with the figures of the source report:
-- 11 streets, 48 communities, 71 teams, 720 volunteers, 300+ in the talent pool over six categories,
-- 160+ holding community posts, 240+ in guidance groups. Everything is generated deterministically.
-- Local stack only (`npm run dev`, `npm run db:reset`): a hosted project gets no demo accounts.

insert into public.talent_categories (id, name, description, sort_order) overriding system value values
  (1, '政治理论', '理论宣讲、党史学习辅导', 1),
  (2, '历史人文', '地方史志、红色故事、文化传承', 2),
  (3, '经济管理', '创新创业指导、企业经营咨询', 3),
  (4, '法律服务', '法律咨询、矛盾纠纷调解', 4),
  (5, '医疗健康', '健康讲座、应急救护、康养指导', 5),
  (6, '文化艺术', '书画、摄影、文艺演出', 6);
select setval(pg_get_serial_sequence('public.talent_categories', 'id'), 6);

insert into public.guidance_groups (id, name, description) overriding system value values
  (1, '银龄先锋党建指导团', '指导社区党组织建设'),
  (2, '啄木鸟队', '城市管理与社区治理问题巡查'),
  (3, '银龄宣讲团', '理论宣讲进社区'),
  (4, '关心下一代工作团', '青少年成长辅导');
select setval(pg_get_serial_sequence('public.guidance_groups', 'id'), 4);

insert into public.org_units (id, level, name, parent_id, established_on, description) overriding system value
values (1, 'district', '市南区', null, '2019-03-01', '青岛市市南区离退休干部志愿服务');

insert into public.org_units (id, level, name, parent_id) overriding system value
select 1 + ord, 'street', name, 1
from unnest(array['八大湖街道', '中山路街道', '八大峡街道', '云南路街道', '江苏路街道', '八大关街道',
                  '湛山街道', '香港中路街道', '金湖路街道', '金门路街道', '珠海路街道']) with ordinality t(name, ord);

insert into public.org_units (id, level, name, parent_id) overriding system value
select 100 + row_number() over (order by s.ord, c.ord), 'community', c.name, 1 + s.ord
from (values
  (1, array['宁夏路社区', '南京路社区', '徐州路社区', '延安二路社区', '镇江路社区']),
  (2, array['天津路社区', '四方路社区', '大鲍岛社区', '济宁路社区', '中山路社区']),
  (3, array['团岛社区', '西藏路社区', '贵州路社区', '四川路社区']),
  (4, array['云南路社区', '单县路社区', '寿张路社区', '东平路社区']),
  (5, array['江苏路社区', '龙山路社区', '观象山社区', '鱼山路社区']),
  (6, array['八大关社区', '太平角社区', '莱芜路社区', '汇泉社区']),
  (7, array['湛山社区', '东海路社区', '南海路社区', '延安三路社区']),
  (8, array['香港花园社区', '东海西路社区', '福州南路社区', '燕儿岛路社区', '彰化路社区']),
  (9, array['金湖路社区', '金坛路社区', '珠海支路社区', '南京路东社区']),
  (10, array['金门路社区', '福州路社区', '延吉路社区', '闽江路社区', '山东路社区']),
  (11, array['珠海路社区', '澳门路社区', '东海一路社区', '山海天社区'])
) s(ord, names)
cross join lateral unnest(s.names) with ordinality c(name, ord);

-- One "银龄先锋" team per community (48), and 23 themed teams spread over the district (71 in all).
insert into public.org_units (id, level, name, parent_id, established_on) overriding system value
select 1000 + row_number() over (order by c.id), 'team',
       replace(c.name, '社区', '') || '银龄先锋志愿服务队', c.id,
       date '2019-05-01' + (c.id * 37 % 900)::int
from public.org_units c where c.level = 'community';

insert into public.org_units (id, level, name, parent_id, established_on) overriding system value
select 1048 + ord, 'team', name,
       (select id from public.org_units where level = 'community' order by id offset ((ord * 11) % 48) limit 1),
       date '2020-03-01' + (ord * 53 % 1000)::int
from unnest(array['红色宣讲团', '啄木鸟志愿服务队', '银发调解队', '老党员先锋队', '夕阳红文艺队', '健康守护队',
                  '银龄法律服务队', '垃圾分类督导队', '关爱青少年辅导队', '书画艺术队', '红色物业共建队',
                  '邻里守望队', '银龄助老队', '红色记忆讲解队', '文明交通劝导队', '社区议事指导队',
                  '银龄摄影队', '老街里文化传承队', '海洋环保志愿队', '银龄心理关爱队', '党史学习辅导队',
                  '应急救护志愿队', '银龄合唱团']) with ordinality t(name, ord);
select setval(pg_get_serial_sequence('public.org_units', 'id'), 2000);

-- 720 volunteers with plausible names, generated from the row number.
with base as (
  select i,
         abs(hashtext('v' || i)) as h1,
         abs(hashtext('w' || i)) as h2,
         abs(hashtext('x' || i)) as h3
  from generate_series(1, 720) i
),
pick as (
  select b.*,
         (array['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗',
                '梁','宋','郑','谢','韩','唐','冯','于','董','萧','程','曹','袁','邓','许','傅','沈','曾','彭','吕',
                '苏','卢','蒋','蔡','贾','丁','魏','薛','叶','阎','姜','崔','谭','陆','汪','范','金','石','廖','邵'])[1 + b.h1 % 60] as surname,
         case when b.i % 2 = 0 then 'female' else 'male' end::public.gender as gender,
         (select array_agg(id order by id) from public.org_units where level = 'community') as communities
  from base b
)
insert into public.volunteers (id, name, gender, birth_year, home_community_id, former_unit, former_post, former_level,
                               is_party_member, talent_category_ids, skills, community_posts, guidance_group_ids, status, created_at)
select md5('volunteer-' || p.i)::uuid,
       p.surname ||
         case when p.gender = 'male'
           then (array['建','国','志','振','德','明','文','永','海','庆','立','树','长','宝','春','金','玉','忠','学','良'])[1 + p.h2 % 20] ||
                case when p.h3 % 4 = 0 then '' else (array['华','民','强','军','平','东','林','生','成','山','福','祥','新','荣','廷','勇'])[1 + p.h3 % 16] end
           else (array['秀','桂','玉','淑','丽','凤','美','红','素','慧','春','翠','兰','艳','静','文','惠','雪','月','爱'])[1 + p.h2 % 20] ||
                case when p.h3 % 4 = 0 then '' else (array['英','兰','珍','芳','华','梅','琴','云','霞','敏','莲','娟','萍','洁','荣','玲'])[1 + p.h3 % 16] end
         end,
       p.gender,
       1938 + p.h1 % 27,
       p.communities[1 + p.h2 % cardinality(p.communities)],
       (array['市南区委办公室','区人大常委会办公室','区政府办公室','区教育和体育局','区卫生健康局','区财政局','区司法局',
              '区民政局','区文化和旅游局','区市场监管局','区城市管理局','区人力资源和社会保障局','青岛市第二中学',
              '市南区人民医院','区税务局','区住房和城乡建设局'])[1 + p.h3 % 16],
       (array['科员','科长','副处长','处长','副局长','局长','主任','副主任','党支部书记','教师','主任医师','调研员'])[1 + p.h1 % 12],
       (array['厅级','处级','处级','科级','科级','科级','其他'])[1 + p.h2 % 7],
       p.h3 % 10 < 8,
       case when p.i <= 312 then
         case when p.i % 5 = 0 then array[1 + p.i % 6, 1 + (p.i + 2) % 6]::smallint[] else array[1 + p.i % 6]::smallint[] end
       else '{}'::smallint[] end,
       array[(array['书法','摄影','理论宣讲','法律咨询','中医保健','应急救护','合唱','电脑维修','矛盾调解','课业辅导','垃圾分类','园艺'])[1 + p.h1 % 12]],
       case when p.i between 280 and 445 then
         case when p.i % 7 = 0
           then array[(array['party_branch_secretary','grid_leader','building_leader','owners_committee'])[1 + p.i % 4],
                      (array['party_branch_secretary','grid_leader','building_leader','owners_committee'])[1 + (p.i + 1) % 4]]::public.community_post[]
           else array[(array['party_branch_secretary','grid_leader','building_leader','owners_committee'])[1 + p.i % 4]]::public.community_post[]
         end
       else '{}'::public.community_post[] end,
       case when p.i % 3 = 0 or p.i in (1, 2, 4, 5, 7) then array[1 + p.h2 % 4]::smallint[] else '{}'::smallint[] end,
       (case when p.h2 % 40 = 0 then 'withdrawn' when p.h2 % 33 = 0 then 'paused' else 'active' end)::public.volunteer_status,
       timestamptz '2019-05-01 09:00+08' + (p.i * interval '2 days 3 hours')
from pick p;

insert into public.volunteer_contacts (volunteer_id, phone)
select md5('volunteer-' || i)::uuid, '13' || (5 + i % 5)::text || lpad(((i * 7919 + 1234567) % 100000000)::text, 8, '0')
from generate_series(1, 720) i;

-- Each volunteer joins a team of the home community; in each team the first to join is captain,
-- the next vice-captain and liaison. Some have left (history is kept).
with placed as (
  select v.id as volunteer_id, v.created_at,
         (select t.id from public.org_units t
           where t.level = 'team' and t.community_id = v.home_community_id
           order by t.id
           offset (abs(hashtext(v.id::text)) % (select count(*) from public.org_units t2
                                                 where t2.level = 'team' and t2.community_id = v.home_community_id))
           limit 1) as team_id
  from public.volunteers v
),
ranked as (
  select p.*, row_number() over (partition by p.team_id order by p.created_at, p.volunteer_id) as rn
  from placed p
)
insert into public.team_memberships (team_id, volunteer_id, role, joined_on, left_on, left_reason)
select team_id, volunteer_id,
       (case rn when 1 then 'captain' when 2 then 'vice_captain' when 3 then 'liaison' else 'member' end)::public.member_role,
       (created_at at time zone 'Asia/Shanghai')::date,
       case when rn > 3 and abs(hashtext('left' || volunteer_id::text)) % 20 = 0 then date '2026-06-30' end,
       case when rn > 3 and abs(hashtext('left' || volunteer_id::text)) % 20 = 0 then '因身体原因退出' end
from ranked;

-- Teams without anyone from their community (themed teams) take members from the same street.
insert into public.team_memberships (team_id, volunteer_id, role, joined_on)
select t.id, v.id,
       (case when row_number() over (partition by t.id order by v.created_at) = 1 then 'captain' else 'member' end)::public.member_role,
       date '2024-03-01'
from public.org_units t
cross join lateral (
  select v.id, v.created_at from public.volunteers v
   where v.home_street_id = t.street_id and v.status = 'active'
   order by abs(hashtext(v.id::text || t.id::text)) limit 8
) v
where t.level = 'team' and t.active_member_count = 0;

-- The demo accounts (password demo123456) and their grants.
insert into public.role_grants (email, role, org_unit_id, note) values
  ('org@demo.local', 'org_admin', 1, '区委组织部（老干部局）'),
  ('street@demo.local', 'street_admin', 2, '八大湖街道管理员'),
  ('leader@demo.local', 'team_leader', 1001, '宁夏路银龄先锋志愿服务队队长'),
  ('finance@demo.local', 'finance', 1, '区财务');

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', id::uuid, 'authenticated', 'authenticated', email,
       extensions.crypt('demo123456', extensions.gen_salt('bf', 10)), now(),
       '{"provider":"email","providers":["email"]}', jsonb_build_object('display_name', display_name), now(), now()
from (values
  ('00000000-0000-4000-8000-000000000001', 'org@demo.local', '组织部 王主任'),
  ('00000000-0000-4000-8000-000000000002', 'street@demo.local', '八大湖街道 李书记'),
  ('00000000-0000-4000-8000-000000000003', 'leader@demo.local', '宁夏路 张队长'),
  ('00000000-0000-4000-8000-000000000004', 'finance@demo.local', '财务 赵会计')
) u(id, email, display_name);

-- ─── Projects ─────────────────────────────────────────────────────────────────────────────────────
-- 7 district-level projects (two named in the report), 10 street-level ones, two in the featured pool.
insert into public.projects (id, name, level, org_unit_id, project_group, is_featured, description) overriding system value
select row_number() over (order by ord), name, 'district', 1, grp::public.project_group, featured, descr
from (values
  (1, '霞满乡村助力振兴', 'co_building', false, '银龄志愿者结对帮扶乡村，助力乡村振兴'),
  (2, '银艺润万家', 'inherit_culture', false, '书画、文艺志愿者走进社区楼院'),
  (3, '红色引领绿色', 'co_building', true, '垃圾分类减量，党员带头、楼院共治'),
  (4, '姐妹来吧', 'healthy_growth', true, '家庭纠纷调解，姐妹式倾听与疏导'),
  (5, '红色记忆传承', 'inherit_red_genes', false, '老党员讲述红色故事、讲解红色遗迹'),
  (6, '党建带教银龄先锋', 'party_mentoring', false, '退休党员干部带教社区年轻党务工作者'),
  (7, '创业导师进园区', 'innovation_guidance', false, '退休经济管理干部为青年创业者把脉')
) p(ord, name, grp, featured, descr);
insert into public.projects (id, name, level, org_unit_id, project_group, description) overriding system value
select 7 + s.ord, replace(s.name, '街道', '') || (array['邻里守望', '银龄课堂', '文明劝导', '红色物业', '健康驿站',
       '护苗行动', '法律明白人', '老街记忆', '海洋环保', '楼院议事'])[s.ord], 'street', s.id,
       (array['co_building', 'healthy_growth', 'co_building', 'party_mentoring', 'healthy_growth', 'healthy_growth',
              'party_mentoring', 'inherit_culture', 'co_building', 'co_building'])[s.ord]::public.project_group,
       '街道级志愿服务项目'
from (select id, name, row_number() over (order by id) as ord from public.org_units where level = 'street' and id <= 11) s;
select setval(pg_get_serial_sequence('public.projects', 'id'), 100);

-- ─── Service: every team meets on about six days in ten from January 2025; each person joins a
-- share of their team's activities by how active they are, which spreads the district over all star
-- levels. Records up to 18 November 2026 are approved; the last days wait for approval.
-- Bulk-loaded with triggers off (the rules hold by construction: one record per person per team per
-- day, at most two teams a day, six hours each); private.rebuild_service_effects() then derives the
-- passbook entries, totals, queue and monthly figures exactly as the triggers would. `disable trigger
-- user` (foreign keys stay checked) is what the tables' owner may do; `session_replication_role`
-- needs a superuser, which `postgres` is not on hosted Supabase nor here.
alter table public.service_activities disable trigger user;
alter table public.service_records disable trigger user;

insert into public.service_activities (id, team_id, project_id, title, place, service_date, recorded_by, created_at) overriding system value
select row_number() over (order by t.id, d.d), t.id,
       case when abs(hashtext('p' || t.id || d.d)) % 10 < 4
            then case when abs(hashtext('q' || t.id || d.d)) % 2 = 0 then 1 + abs(hashtext('r' || t.id || d.d)) % 7
                      when t.street_id <= 11 then 6 + t.street_id::int end end,
       (array['理论宣讲进社区', '红色故事分享会', '垃圾分类督导', '文明交通劝导', '关爱独居老人走访', '青少年课业辅导',
              '健康义诊咨询', '法律咨询服务', '邻里矛盾调解', '社区环境整治', '书画义写送福', '应急救护培训',
              '惠民政策宣传', '网格巡查走访'])[1 + abs(hashtext('t' || t.id || d.d)) % 14],
       (array['社区党群服务中心', '社区广场', '老年活动中心', '辖区中小学', '新时代文明实践站', '小区楼院'])[1 + abs(hashtext('l' || t.id || d.d)) % 6],
       d.d::date,
       case when t.id = 1001 then '00000000-0000-4000-8000-000000000003'::uuid end,
       d.d::date + time '18:00'
from public.org_units t
cross join generate_series(date '2025-01-02', date '2026-11-27', interval '1 day') d(d)
where t.level = 'team' and abs(hashtext(t.id || ':' || d.d)) % 10 < 6;
select setval(pg_get_serial_sequence('public.service_activities', 'id'), (select max(id) from public.service_activities));

insert into public.service_records (activity_id, volunteer_id, team_id, service_date, hours, kind, status, recorded_by,
                                    recorded_at, reviewed_by, reviewed_at, review_note)
select a.id, m.volunteer_id, a.team_id, a.service_date,
       (4 + abs(hashtext('h' || a.id)) % 9) / 2.0,
       'service',
       (case when a.service_date > date '2026-11-18' then 'pending'
             when abs(hashtext('rej' || a.id || m.volunteer_id)) % 150 = 0 then 'rejected'
             else 'approved' end)::public.service_status,
       a.recorded_by,
       a.service_date + time '18:00',
       case when a.service_date > date '2026-11-18' then null
            when t.street_id = 2 then '00000000-0000-4000-8000-000000000002'::uuid
            else '00000000-0000-4000-8000-000000000001'::uuid end,
       case when a.service_date > date '2026-11-18' then null else (a.service_date + 2) + time '10:00' end,
       case when a.service_date <= date '2026-11-18' and abs(hashtext('rej' || a.id || m.volunteer_id)) % 150 = 0
            then '时长与签到记录不符' end
from public.service_activities a
join public.org_units t on t.id = a.team_id
join public.team_memberships m on m.team_id = a.team_id and m.joined_on <= a.service_date
                              and (m.left_on is null or m.left_on >= a.service_date)
join public.volunteers v on v.id = m.volunteer_id and v.status <> 'withdrawn'
where abs(hashtext(m.volunteer_id::text || a.id)) % 1000 <
      case when abs(hashtext('tier' || v.id)) % 100 < 40 then 40
           when abs(hashtext('tier' || v.id)) % 100 < 65 then 105
           when abs(hashtext('tier' || v.id)) % 100 < 80 then 235
           when abs(hashtext('tier' || v.id)) % 100 < 90 then 410
           when abs(hashtext('tier' || v.id)) % 100 < 96 then 620
           else 900 end;
select setval(pg_get_serial_sequence('public.service_records', 'id'), (select max(id) from public.service_records));

alter table public.service_activities enable trigger user;
alter table public.service_records enable trigger user;
analyze public.service_activities, public.service_records;

-- Star levels reached, on the day each was reached; the highest of a third of them still waits in
-- the upgrade queue, the rest hold certificates.
with run as (
  select volunteer_id, service_date,
         sum(hours) over (partition by volunteer_id order by service_date, id) as cum
  from public.service_records where status = 'approved'
),
reached as (
  select r.volunteer_id, l.level, min(r.service_date) as on_day, min(r.cum) as hours
  from run r join public.star_levels l on r.cum >= l.min_hours
  group by r.volunteer_id, l.level
),
top as (select volunteer_id, max(level) as level from reached group by volunteer_id)
insert into public.star_awards (volunteer_id, level, eligible_on, hours_at_eligibility, status, confirmed_by, confirmed_at,
                                certificate_no, hours_at_certificate)
select r.volunteer_id, r.level, r.on_day, r.hours,
       (case when q.queued then 'queued' else 'confirmed' end)::public.star_award_status,
       case when not q.queued then '00000000-0000-4000-8000-000000000001'::uuid end,
       case when not q.queued then (r.on_day + 9) + time '15:00' end,
       case when not q.queued then format('SN%s-%s-%s', extract(year from r.on_day + 9), r.level,
                                          lpad(nextval('public.star_certificate_seq')::text, 5, '0')) end,
       case when not q.queued then r.hours end
from reached r
join top on top.volunteer_id = r.volunteer_id
cross join lateral (select r.level = top.level and (abs(hashtext('queue' || r.volunteer_id)) % 3 = 0
                                                    or r.on_day > date '2026-11-10') as queued) q
order by r.on_day, r.volunteer_id;

-- ─── Points: the alliance ("6020红色集结号"志愿服务联盟) and its reward catalogue ─────────────────────
insert into public.alliance_partners (id, name, description) overriding system value values
  (1, '利群集团市南店', '日用物品兑换'), (2, '青岛啤酒博物馆', '文旅优惠'), (3, '海信广场', '日用物品兑换'),
  (4, '青岛市市立医院健康管理中心', '康养服务'), (5, '小鱼山公园', '文旅优惠'), (6, '颐和康养中心', '康养服务'),
  (7, '青岛海洋科技馆', '文旅优惠'), (8, '家佳源超市', '日用物品兑换'), (9, '老舍故居纪念馆', '文旅优惠'),
  (10, '颐寿中医馆', '康养服务'), (11, '市南区爱心理发联盟', '日用物品兑换'), (12, '青岛新华书店', '文旅优惠');
select setval(pg_get_serial_sequence('public.alliance_partners', 'id'), 12);

insert into public.rewards (id, partner_id, category, name, description, points_cost, stock) overriding system value values
  (1, 1, 'daily_goods', '食用油（5升）', '凭兑换单到店领取', 300, 120),
  (2, 8, 'daily_goods', '大米（10斤）', '凭兑换单到店领取', 200, 150),
  (3, 3, 'daily_goods', '洗衣液套装', '凭兑换单到店领取', 150, 200),
  (4, 11, 'daily_goods', '爱心理发一次', '联盟理发店通用', 60, 300),
  (5, 8, 'daily_goods', '毛巾牙刷套装', '凭兑换单到店领取', 80, 0),
  (6, 2, 'culture_tourism', '啤酒博物馆门票', '限本人使用', 400, 60),
  (7, 7, 'culture_tourism', '海洋科技馆门票', '限本人使用', 350, 60),
  (8, 12, 'culture_tourism', '新华书店购书券（50元）', '全市门店通用', 250, 100),
  (9, 9, 'culture_tourism', '老舍故居讲解预约', '周二至周日', 100, 80),
  (10, 4, 'health_care', '老年人健康体检套餐', '含血常规、心电图、B超', 800, 40),
  (11, 10, 'health_care', '中医理疗一次', '推拿或艾灸', 180, 150),
  (12, 6, 'health_care', '康养中心日间照料体验', '一日', 500, 30),
  (13, 10, 'health_care', '中医体质辨识', '附健康建议', 120, 100);
select setval(pg_get_serial_sequence('public.rewards', 'id'), 100);

select private.rebuild_service_effects();
analyze public.service_activities, public.service_records, public.points_ledger, public.volunteer_service_totals,
        public.star_awards, public.service_monthly_totals, public.points_monthly_totals;

-- Redemptions from September 2026, each costing at most a third of what the person had earned
-- before September, so no running balance ever dips below zero. The stock above is what is left.
with earned as (
  select volunteer_id, sum(points) as pts from public.points_ledger
   where entry_type = 'earn' and created_at < timestamptz '2026-09-01 00:00+08' group by volunteer_id
),
picks as (
  select e.volunteer_id, n,
         (select r.id from public.rewards r where r.stock > 0 and r.points_cost * 3 <= e.pts
           order by abs(hashtext(r.id || e.volunteer_id::text || n)) limit 1) as reward_id
  from earned e cross join generate_series(1, 2) n
  where e.pts >= 300 and (n = 1 or abs(hashtext('two' || e.volunteer_id)) % 3 = 0)
)
insert into public.points_ledger (volunteer_id, entry_type, points, reward_id, quantity, note, created_by, created_at)
select p.volunteer_id, 'redeem', -r.points_cost, r.id, 1, r.name, '00000000-0000-4000-8000-000000000003',
       timestamptz '2026-09-02 10:00+08' + (abs(hashtext('d' || p.volunteer_id || p.n)) % 80) * interval '1 day'
from picks p join public.rewards r on r.id = p.reward_id
order by 8;

-- ─── Ratings: the 2025 round is awarded and closed; the 2026 round is under way ────────────────────
insert into public.rating_rounds (id, name, year, org_unit_id, closed, created_by) overriding system value values
  (1, '2025年度志愿服务星级评定', 2025, 1, true, '00000000-0000-4000-8000-000000000001'),
  (2, '2026年度志愿服务星级评定', 2026, 1, false, '00000000-0000-4000-8000-000000000001');
insert into public.rating_criteria (round_id, name, max_score, sort_order)
select r, c.name, c.max_score, c.ord
from generate_series(1, 2) r
cross join (values (1, '组织建设', 20), (2, '服务成效', 30), (3, '群众满意度', 20), (4, '创新特色', 15), (5, '宣传影响', 15))
  c(ord, name, max_score);
select setval(pg_get_serial_sequence('public.rating_rounds', 'id'), 10);

with subjects as (
  select 'project'::public.rating_subject as kind, p.id as project_id, null::bigint as team_id, p.org_unit_id as unit_id,
         abs(hashtext('rate' || p.id)) % 40 as spread from public.projects p
  union all
  select 'team', null, t.id, t.id, abs(hashtext('rate' || t.id)) % 40 from public.org_units t where t.level = 'team'
)
insert into public.ratings (round_id, subject_kind, project_id, team_id, unit_id, status, self_total, review_total,
                            star_level, certificate_no, submitted_at, reviewed_by, reviewed_at, awarded_by, awarded_at)
select 1, kind, project_id, team_id, unit_id, 'awarded', 60 + spread, 58 + spread, star,
       case when star >= 3 then format('PX2025-%s-%s', star, lpad(nextval('public.rating_certificate_seq')::text, 4, '0')) end,
       '2025-11-20 10:00+08', '00000000-0000-4000-8000-000000000001', '2025-12-10 10:00+08',
       '00000000-0000-4000-8000-000000000001', '2025-12-20 10:00+08'
from subjects
cross join lateral (select count(*)::smallint as star from unnest('{0,60,70,80,90}'::numeric[]) b where b <= 58 + spread) s;

insert into public.ratings (round_id, subject_kind, team_id, unit_id, status, self_total, review_total, star_level,
                            submitted_at, reviewed_by, reviewed_at)
select 2, 'team', t.id, t.id,
       (case when t.street_id = 2 and t.id <> 1001 then 'reviewed' else 'self_assessed' end)::public.rating_status,
       62 + abs(hashtext('r26' || t.id)) % 36,
       case when t.street_id = 2 and t.id <> 1001 then 60 + abs(hashtext('r26' || t.id)) % 36 end,
       case when t.street_id = 2 and t.id <> 1001
            then (select count(*) from unnest('{0,60,70,80,90}'::numeric[]) b where b <= 60 + abs(hashtext('r26' || t.id)) % 36) end,
       '2026-11-10 10:00+08',
       case when t.street_id = 2 and t.id <> 1001 then '00000000-0000-4000-8000-000000000002'::uuid end,
       case when t.street_id = 2 and t.id <> 1001 then timestamptz '2026-11-20 10:00+08' end
from public.org_units t where t.level = 'team' and abs(hashtext('in26' || t.id)) % 3 <> 0 or t.id = 1001;

-- criterion scores that add up to each total (the last criterion takes the remainder)
insert into public.rating_scores (rating_id, criterion_id, self_score, review_score)
select r.id, c.id,
       case when c.sort_order < 5 then round(c.max_score * r.self_total / 100, 1)
            else r.self_total - (select sum(round(c2.max_score * r.self_total / 100, 1)) from public.rating_criteria c2
                                  where c2.round_id = r.round_id and c2.sort_order < 5) end,
       case when r.review_total is null then null
            when c.sort_order < 5 then round(c.max_score * r.review_total / 100, 1)
            else r.review_total - (select sum(round(c2.max_score * r.review_total / 100, 1)) from public.rating_criteria c2
                                    where c2.round_id = r.round_id and c2.sort_order < 5) end
from public.ratings r join public.rating_criteria c on c.round_id = r.round_id;

-- ─── Role models (银龄榜样): 20, with 3 provincial and 8 municipal "最美" awards ─────────────────────
insert into public.role_models (id, volunteer_id, name, title, story, street_id, sort_order) overriding system value
select ord, md5('volunteer-' || (ord * 31))::uuid, (select name from public.volunteers where id = md5('volunteer-' || (ord * 31))::uuid),
       title, story, (select home_street_id from public.volunteers where id = md5('volunteer-' || (ord * 31))::uuid), ord
from (values
  (1, '花样爷爷', '退休后自学花艺，带着社区老人用鲜花装点楼院，十年如一日打理“红色花园”。'),
  (2, '金剪刀', '四十年理发手艺，每月走进独居老人家中义务理发，累计服务三千余人次。'),
  (3, '银发宣讲家', '用老百姓听得懂的话讲党的创新理论，宣讲足迹遍布全区48个社区。'),
  (4, '红色讲解员', '在红色遗迹义务讲解，把党史故事讲给一批又一批青少年。'),
  (5, '调解能手', '“姐妹来吧”调解室骨干，化解家庭矛盾纠纷两百余起。'),
  (6, '书法老顽童', '每逢佳节义写春联福字，带出一支三十人的书法志愿队。'),
  (7, '社区活字典', '熟悉辖区每一栋楼、每一户人家，是网格里最可靠的“活地图”。'),
  (8, '爱心奶奶', '结对帮扶困境儿童十二名，坚持课业辅导和心理陪伴。'),
  (9, '啄木鸟', '啄木鸟队队长，巡查城市管理问题，推动解决“急难愁盼”事项五百余件。'),
  (10, '健康守门人', '退休医生，每周坐诊社区健康驿站，开展应急救护培训四十余场。'),
  (11, '法律明白人', '退休法官，为居民提供法律咨询，帮助化解物业、继承等纠纷。'),
  (12, '文明劝导员', '风雨无阻坚守路口，劝导不文明交通行为。'),
  (13, '垃圾分类达人', '“红色引领绿色”项目带头人，带动楼院垃圾分类准确率提升到95%。'),
  (14, '银龄摄影师', '用镜头记录志愿服务瞬间，为“最美笑脸墙”拍摄数百张笑脸。'),
  (15, '护苗使者', '关心下一代工作团成员，走进校园开展法治和安全教育。'),
  (16, '楼院当家人', '担任楼长八年，牵头解决加装电梯、楼道整治等难题。'),
  (17, '网格好管家', '网格长，疫情期间连续值守，平时是居民的贴心人。'),
  (18, '党史讲解员', '整理编写社区党史资料，开设“老党员讲党课”课堂。'),
  (19, '合唱领队', '组建银龄合唱团，用歌声传递正能量，多次在市区比赛中获奖。'),
  (20, '老街守护人', '记录中山路老街里的历史变迁，带领青年志愿者寻访老建筑。')
) m(ord, title, story);
select setval(pg_get_serial_sequence('public.role_models', 'id'), 100);

insert into public.role_model_awards (role_model_id, level, title, year) values
  (1, 'provincial', '山东省“最美志愿者”', 2023), (2, 'provincial', '山东省“最美老干部”', 2024),
  (5, 'provincial', '山东省“最美家庭调解员”', 2025),
  (2, 'municipal', '青岛市“最美志愿者”', 2022), (3, 'municipal', '青岛市“最美宣讲员”', 2023),
  (4, 'municipal', '青岛市“最美讲解员”', 2023), (9, 'municipal', '青岛市“最美啄木鸟”', 2024),
  (10, 'municipal', '青岛市“最美健康卫士”', 2024), (13, 'municipal', '青岛市“最美垃圾分类志愿者”', 2025),
  (16, 'municipal', '青岛市“最美楼长”', 2025), (19, 'municipal', '青岛市“最美文艺志愿者”', 2025),
  (6, 'district', '市南区“优秀志愿者”', 2024), (7, 'district', '市南区“优秀网格长”', 2024), (8, 'district', '市南区“关爱下一代先进个人”', 2025);

-- ─── Funds and grants (issue 9) ────────────────────────────────────────────────────────────────────
-- 专项供: the district's special funds for 2025 (¥500,000) and 2026 (¥520,000) and a street's matching fund;
-- 民间筹: 12 alliance members' donations, sponsorships and co-building (cash and in kind, some restricted);
-- 重点倾: a tilt line each year. 18 applications in 2025 (closed year: grants completed, evaluated, balances
-- carried into 2026 by the year close) and 40 in 2026 in every state, each moved by the right demo people
-- (applicant = the team's leader, 初审 = the street admin or the second org admin, 财务审核 = finance, 决定 =
-- the organisation department, two approvals above ¥50,000), grants with tranches in every state and vouchers
-- (rows only: the sample files are generated into storage at <grant_id>/<tranche_id>/<uuid>.<ext>).
-- More accounts (password demo123456): org2@ (second org admin), street2@ (中山路街道), finance2@ (八大湖街道
-- finance), leader2@ (中山路 team 1006), leader3@ (南京路 team 1002) and leader<team>@ for nine more teams.
insert into public.role_grants (email, role, org_unit_id, note) values
  ('org2@demo.local', 'org_admin', 1, '区委组织部副部长（第二审批人）'),
  ('street2@demo.local', 'street_admin', 3, '中山路街道管理员'),
  ('finance2@demo.local', 'finance', 2, '八大湖街道财务'),
  ('leader2@demo.local', 'team_leader', 1006, '天津路银龄先锋志愿服务队队长'),
  ('leader3@demo.local', 'team_leader', 1002, '南京路银龄先锋志愿服务队队长');
insert into public.role_grants (email, role, org_unit_id, note)
select 'leader' || t || '@demo.local', 'team_leader', t, (select name from public.org_units where id = t) || '队长'
  from unnest(array[1011, 1015, 1019, 1023, 1027, 1031, 1036, 1040, 1045]) t;

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000'::uuid, id::uuid, 'authenticated'::text, 'authenticated'::text, email,
       extensions.crypt('demo123456', extensions.gen_salt('bf', 10)), now(),
       '{"provider":"email","providers":["email"]}'::jsonb, jsonb_build_object('display_name', display_name), now(), now()
from (values
  ('00000000-0000-4000-8000-000000000005', 'org2@demo.local', '组织部 陈副部长'),
  ('00000000-0000-4000-8000-000000000006', 'leader2@demo.local', '天津路 刘队长'),
  ('00000000-0000-4000-8000-000000000007', 'finance2@demo.local', '八大湖街道 孙会计'),
  ('00000000-0000-4000-8000-000000000008', 'street2@demo.local', '中山路街道 周书记'),
  ('00000000-0000-4000-8000-000000000009', 'leader3@demo.local', '南京路 王队长')
) u(id, email, display_name)
union all
select '00000000-0000-0000-0000-000000000000'::uuid, md5('leader-' || t)::uuid, 'authenticated', 'authenticated',
       'leader' || t || '@demo.local', extensions.crypt('demo123456', extensions.gen_salt('bf', 10)), now(),
       '{"provider":"email","providers":["email"]}',
       jsonb_build_object('display_name', replace(replace((select name from public.org_units where id = t), '银龄先锋志愿服务队', ''), '志愿服务队', '') || ' 队长'),
       now(), now()
  from unnest(array[1011, 1015, 1019, 1023, 1027, 1031, 1036, 1040, 1045]) t;

-- Sources (created by district finance; the street's by its finance). Amounts in fen.
insert into public.fund_sources (id, fiscal_year, kind, name, org_unit_id, partner_id, contribution, form, in_kind_valuation,
                                 restricted_purpose, appropriated_fen, note, created_by, created_at) overriding system value
select id, y, k::public.fund_source_kind, name, unit, partner, contrib::public.fund_contribution, coalesce(form, 'cash')::public.fund_form,
       valuation, restricted::public.budget_purpose, amount, note,
       case when unit = 2 then '00000000-0000-4000-8000-000000000007'::uuid else '00000000-0000-4000-8000-000000000004'::uuid end,
       make_date(y, 1, 10)::timestamptz + interval '9 hours'
from (values
  (1, 2025, 'district_special', '区级银龄志愿服务专项资金', 1, null, null, null, null, null, 50000000, '区财政年度预算安排，用于阵地打造、项目孵化、活动开展'),
  (2, 2026, 'district_special', '区级银龄志愿服务专项资金', 1, null, null, null, null, null, 52000000, '区财政年度预算安排（较上年增加2万元）'),
  (3, 2025, 'partner', '利群集团市南店 爱心捐赠', 1, 1, 'donation', 'cash', null, 'rewards', 4000000, '定向用于志愿者激励'),
  (4, 2025, 'partner', '海信广场 爱心捐赠', 1, 3, 'donation', 'cash', null, null, 2500000, null),
  (5, 2025, 'partner', '市立医院健康管理中心 共建', 1, 4, 'co_building', 'in_kind', '健康体检与义诊服务，按市场价折算', 'activities', 1500000, '实物（服务）折价'),
  (6, 2025, 'partner', '颐和康养中心 爱心捐赠', 1, 6, 'donation', 'cash', null, 'activities', 3000000, '定向用于活动开展'),
  (7, 2025, 'partner', '颐寿中医馆 爱心捐赠', 1, 10, 'donation', 'cash', null, null, 2000000, null),
  (8, 2025, 'partner', '青岛新华书店 资助', 1, 12, 'sponsorship', 'cash', null, null, 2500000, null),
  (9, 2026, 'partner', '利群集团市南店 爱心捐赠', 1, 1, 'donation', 'cash', null, 'rewards', 5000000, '定向用于志愿者激励'),
  (10, 2026, 'partner', '青岛啤酒博物馆 资助', 1, 2, 'sponsorship', 'cash', null, null, 3000000, null),
  (11, 2026, 'partner', '海信广场 爱心捐赠', 1, 3, 'donation', 'cash', null, null, 8000000, '认捐8万元，已到账6万元'),
  (12, 2026, 'partner', '市立医院健康管理中心 共建', 1, 4, 'co_building', 'in_kind', '健康体检与义诊服务，按市场价折算', 'activities', 2000000, '实物（服务）折价'),
  (13, 2026, 'partner', '小鱼山公园 共建', 1, 5, 'co_building', 'in_kind', '公园场地无偿使用一年，按租金折算', 'venue', 1500000, '实物（场地）折价'),
  (14, 2026, 'partner', '颐和康养中心 爱心捐赠', 1, 6, 'donation', 'cash', null, 'activities', 4000000, '定向用于活动开展'),
  (15, 2026, 'partner', '青岛海洋科技馆 资助', 1, 7, 'sponsorship', 'cash', null, null, 2500000, null),
  (16, 2026, 'partner', '家佳源超市 爱心捐赠', 1, 8, 'donation', 'cash', null, null, 2000000, '认捐2万元，已到账1万元'),
  (17, 2026, 'partner', '老舍故居纪念馆 共建', 1, 9, 'co_building', 'in_kind', '展厅作为红色讲解阵地，按场租折算', 'venue', 1000000, '实物（场地）折价'),
  (18, 2026, 'partner', '颐寿中医馆 爱心捐赠', 1, 10, 'donation', 'cash', null, null, 3000000, null),
  (19, 2026, 'partner', '市南区爱心理发联盟 共建', 1, 11, 'co_building', 'in_kind', '义务理发服务券，按市场价折算', 'rewards', 800000, '实物（服务券）'),
  (20, 2026, 'partner', '青岛新华书店 资助', 1, 12, 'sponsorship', 'cash', null, null, 3500000, null),
  (21, 2026, 'district_special', '八大湖街道银龄志愿服务配套资金', 2, null, null, null, null, null, 6000000, '街道配套，用于本街道团队活动和驿站')
) s(id, y, k, name, unit, partner, contrib, form, valuation, restricted, amount, note);
select setval(pg_get_serial_sequence('public.fund_sources', 'id'), 100);

insert into public.budget_lines (id, source_id, fiscal_year, purpose, is_tilt, name, amount_fen, created_by, created_at) overriding system value
select l.id, l.src, s.fiscal_year, l.purpose::public.budget_purpose, l.tilt, l.name, l.amount, s.created_by, s.created_at + interval '5 days'
from (values
  (1, 1, 'venue', false, '阵地打造', 19000000), (2, 1, 'incubation', false, '项目孵化', 7500000),
  (3, 1, 'activities', false, '活动开展', 12000000), (4, 1, 'rewards', false, '激励', 5500000),
  (6, 1, 'activities', true, '重点倾·特色精品项目', 6000000),
  (11, 3, 'rewards', false, '志愿者激励', 4000000), (12, 4, 'activities', false, '活动开展', 2500000),
  (13, 5, 'activities', false, '健康义诊（实物）', 1500000), (14, 6, 'activities', false, '活动开展', 3000000),
  (15, 7, 'incubation', false, '项目孵化', 2000000), (16, 8, 'incubation', false, '项目孵化', 2500000),
  (101, 2, 'venue', false, '阵地打造', 11000000), (102, 2, 'incubation', false, '项目孵化', 12000000),
  (103, 2, 'activities', false, '活动开展', 16000000), (104, 2, 'rewards', false, '激励', 2000000),
  (105, 2, 'management', false, '管理', 1000000), (106, 2, 'activities', true, '重点倾·特色精品项目', 10000000),
  (111, 9, 'rewards', false, '志愿者激励', 5000000), (112, 10, 'activities', false, '活动开展', 3000000),
  (113, 11, 'activities', false, '活动开展', 6000000), (114, 12, 'activities', false, '健康义诊（实物）', 2000000),
  (115, 13, 'venue', false, '户外阵地（实物）', 1500000), (116, 14, 'activities', false, '活动开展', 4000000),
  (117, 15, 'activities', false, '活动开展', 2500000), (118, 16, 'activities', false, '活动开展', 1000000),
  (119, 17, 'venue', false, '红色讲解阵地（实物）', 1000000), (120, 18, 'incubation', false, '项目孵化', 3000000),
  (121, 19, 'rewards', false, '理发服务券（实物）', 800000), (122, 20, 'incubation', false, '项目孵化', 3500000),
  (201, 21, 'activities', false, '街道活动开展', 4000000), (202, 21, 'venue', false, '街道驿站建设', 2000000)
) l(id, src, purpose, tilt, name, amount)
join public.fund_sources s on s.id = l.src;
select setval(pg_get_serial_sequence('public.budget_lines', 'id'), 1000);

-- Receipts (到账): the district's appropriation in two halves, the partners' money as it arrived; one
-- mis-keyed receipt is corrected by a reversal and re-entered.
insert into public.fund_ledger (kind, source_id, amount_fen, voucher_no, occurred_on, note, created_by, created_at)
select 'receipt', src, amount, vno, d, note, case when src = 21 then '00000000-0000-4000-8000-000000000007'::uuid
                                                   else '00000000-0000-4000-8000-000000000004'::uuid end,
       d::timestamptz + interval '10 hours'
from (values
  (1, 25000000, 'CZ2025-031', date '2025-03-14', '区财政拨付上半年'), (1, 25000000, 'CZ2025-072', date '2025-07-15', '区财政拨付下半年'),
  (3, 4000000, 'SK2025-011', date '2025-02-20', null), (4, 2500000, 'SK2025-014', date '2025-03-02', null),
  (5, 1500000, 'SW2025-003', date '2025-03-10', '实物验收入账'), (6, 3000000, 'SK2025-021', date '2025-03-18', null),
  (7, 2000000, 'SK2025-025', date '2025-04-02', null), (8, 2500000, 'SK2025-030', date '2025-04-12', null),
  (2, 26000000, 'CZ2026-029', date '2026-03-16', '区财政拨付上半年'), (2, 26000000, 'CZ2026-071', date '2026-07-15', '区财政拨付下半年'),
  (9, 5000000, 'SK2026-008', date '2026-02-18', null), (10, 3000000, 'SK2026-012', date '2026-02-26', null),
  (11, 600000, 'SK2026-015', date '2026-03-03', null),
  (12, 2000000, 'SW2026-002', date '2026-03-05', '实物验收入账'), (13, 1500000, 'SW2026-004', date '2026-03-09', '场地协议入账'),
  (14, 4000000, 'SK2026-019', date '2026-03-12', null), (15, 2500000, 'SK2026-023', date '2026-03-20', null),
  (16, 1000000, 'SK2026-027', date '2026-04-01', '首笔'), (17, 1000000, 'SW2026-006', date '2026-04-08', '场地协议入账'),
  (18, 3000000, 'SK2026-031', date '2026-04-15', null), (19, 800000, 'SW2026-009', date '2026-04-20', '服务券入账'),
  (20, 3500000, 'SK2026-036', date '2026-05-06', null), (21, 6000000, 'BDH2026-01', date '2026-03-25', '街道财政配套')
) r(src, amount, vno, d, note)
order by d;
insert into public.fund_ledger (kind, source_id, amount_fen, reverses_id, reversed_kind, voucher_no, occurred_on, note, created_by, created_at)
select 'reversal', l.source_id, l.amount_fen, l.id, 'receipt', l.voucher_no, date '2026-03-04', '金额录入错误（应为6万元），冲销后重录',
       '00000000-0000-4000-8000-000000000004', timestamptz '2026-03-04 09:30+08'
  from public.fund_ledger l where l.source_id = 11 and l.kind = 'receipt';
insert into public.fund_ledger (kind, source_id, amount_fen, voucher_no, occurred_on, note, created_by, created_at)
values ('receipt', 11, 6000000, 'SK2026-015', date '2026-03-04', '重录', '00000000-0000-4000-8000-000000000004', timestamptz '2026-03-04 09:35+08');

-- Applications, moved through the workflow by the right people, with their money.
do $seed$
declare
  u_org constant uuid := '00000000-0000-4000-8000-000000000001';
  u_street constant uuid := '00000000-0000-4000-8000-000000000002';
  u_finance constant uuid := '00000000-0000-4000-8000-000000000004';
  u_org2 constant uuid := '00000000-0000-4000-8000-000000000005';
  u_finance2 constant uuid := '00000000-0000-4000-8000-000000000007';
  u_street2 constant uuid := '00000000-0000-4000-8000-000000000008';
  v_today date := private.district_today();
  a record;
  t record;
  v_leader uuid; v_screener uuid; v_checker uuid;
  v_stage text; v_final text;
  d date; v_notice_end date; v_approved date;
  v_amount bigint;
  v_lines jsonb;
  l jsonb;
  v_grant bigint;
  v_line bigint;
  v_tr bigint;
  v_share numeric[];
  v_state text[];
  i integer;
  v_paid date;
  v_due date;
  h numeric; ppl integer; acts integer; v_scale numeric; v_factor numeric;
  v_order text[] := array['draft', 'submitted', 'screened', 'checked', 'in_notice', 'approved'];
  v_reached integer;
  v_obj bigint;
  v_tr_amt bigint;
  v_vno integer := 0;
  ts timestamptz;
  v_zone text := current_setting('TimeZone');
begin
  -- the times below (d::timestamptz + interval '10 hours') are meant on the district's clock: 10:00 Beijing time,
  -- not 10:00 UTC (which the timeline shows as 18:00); the session's zone is put back at the end
  perform set_config('TimeZone', 'Asia/Shanghai', true);
  for a in
    select * from (values
      -- id, team, project, purpose, title, yuan, period, status (final[@stage]), lines {line: yuan}, plan, decided/last day
      (101, 1001, 8, 'activities', '宁夏路邻里守望2025', 40000, '2025-03-01', '2025-12-31', 'approved', '{"3": 40000}', 'full', '2025-02-10'),
      (102, 1002, 4, 'activities', '姐妹来吧家庭调解2025', 30000, '2025-04-01', '2025-12-31', 'approved', '{"6": 30000}', 'full', '2025-03-10'),
      (103, 1006, 9, 'activities', '中山路银龄课堂2025', 35000, '2025-03-01', '2025-12-31', 'approved', '{"3": 35000}', 'full', '2025-02-12'),
      (104, 1011, 10, 'incubation', '文明劝导项目孵化2025', 20000, '2025-04-01', '2025-11-30', 'approved', '{"15": 20000}', 'full', '2025-03-12'),
      (105, 1015, 11, 'activities', '云南路红色物业2025', 20000, '2025-05-01', '2025-12-31', 'approved', '{"12": 20000}', 'partial', '2025-04-08'),
      (106, 1019, 12, 'activities', '江苏路健康驿站2025', 28000, '2025-03-01', '2025-12-31', 'approved', '{"14": 28000}', 'full', '2025-02-13'),
      (107, 1023, 13, 'incubation', '八大关护苗行动孵化2025', 22000, '2025-05-01', '2025-12-31', 'approved', '{"16": 22000}', 'full', '2025-04-10'),
      (108, 1027, 14, 'activities', '湛山法律明白人2025', 30000, '2025-03-01', '2025-12-31', 'approved', '{"6": 30000}', 'full', '2025-02-14'),
      (109, 1031, 15, 'activities', '老街记忆讲述2025', 18000, '2025-06-01', '2025-12-31', 'approved', '{"3": 18000}', 'full', '2025-05-12'),
      (110, 1045, 6, 'incubation', '党建带教银龄先锋2025', 32000, '2025-03-01', '2025-12-31', 'approved', '{"2": 32000}', 'full', '2025-02-17'),
      (111, 1036, 16, 'venue', '海洋环保宣传站2025', 45000, '2025-06-01', '2025-12-31', 'rejected@checked', '{"1": 45000}', null, '2025-05-20'),
      (112, 1040, 17, 'activities', '楼院议事会2025', 15000, '2025-07-01', '2025-12-31', 'withdrawn@submitted', null, null, '2025-06-10'),
      (113, 1002, null, 'venue', '南京路银龄驿站建设2025', 110000, '2025-04-01', '2025-10-31', 'approved', '{"1": 110000}', 'full', '2025-03-05'),
      (114, 1006, null, 'venue', '中山路“老街里”驿站改造2025', 80000, '2025-05-01', '2025-12-31', 'approved', '{"1": 80000}', 'full', '2025-04-07'),
      (115, 1001, null, 'incubation', '宁夏路银龄课堂孵化2025', 40000, '2025-03-01', '2025-12-31', 'approved', '{"2": 40000}', 'full', '2025-02-18'),
      (116, 1019, 12, 'activities', '健康讲座进楼院2025', 40000, '2025-04-01', '2025-12-31', 'approved', '{"3": 25000, "13": 15000}', 'full', '2025-03-11'),
      (117, 1011, null, 'rewards', '文明劝导员激励2025', 30000, '2025-06-01', '2025-12-31', 'approved', '{"4": 30000}', 'full', '2025-05-13'),
      (118, 1031, null, 'rewards', '老街志愿者激励2025', 35000, '2025-06-01', '2025-12-31', 'approved', '{"11": 35000}', 'full', '2025-05-14'),
      (201, 1001, 8, 'activities', '宁夏路邻里守望2026', 38000, '2026-03-01', '2026-12-31', 'approved', '{"103": 38000}', 'P3', '2026-02-09'),
      (202, 1001, 3, 'activities', '红色引领绿色·楼院分类督导', 20000, '2026-12-01', '2027-06-30', 'in_notice', '{"106": 20000}', null, '2026-11-25'),
      (203, 1001, null, 'venue', '宁夏路驿站适老化改造', 60000, '2027-01-01', '2027-12-31', 'draft', null, null, '2026-11-26'),
      (204, 1001, 8, 'activities', '邻里守望冬季走访', 12000, '2026-12-01', '2027-02-28', 'submitted', null, null, '2026-11-24'),
      (205, 1001, null, 'rewards', '志愿者积分激励补充', 8000, '2026-06-01', '2026-12-31', 'rejected@submitted', null, null, '2026-05-20'),
      (206, 1002, 8, 'incubation', '南京路银龄课堂孵化', 36000, '2026-04-01', '2026-12-31', 'approved', '{"102": 36000}', 'P2', '2026-03-09'),
      (207, 1002, 4, 'activities', '姐妹来吧调解室', 20000, '2026-12-01', '2027-05-31', 'submitted', null, null, '2026-11-23'),
      (208, 1002, null, 'venue', '南京路驿站阅览角', 15000, '2026-11-01', '2027-03-31', 'screened', null, null, '2026-11-20'),
      (209, 1006, 9, 'activities', '中山路银龄课堂2026', 30000, '2026-03-01', '2026-12-31', 'approved', '{"103": 30000}', 'P1', '2026-02-10'),
      (210, 1006, 5, 'activities', '红色记忆进校园', 18000, '2026-12-01', '2027-03-31', 'checked', '{"103": 18000}', null, '2026-11-25'),
      (211, 1006, null, 'venue', '天津路驿站修缮', 80000, '2026-12-01', '2027-06-30', 'checked', '{"101": 80000}', 'first_approval', '2026-11-24'),
      (212, 1006, 5, 'incubation', '红色故事讲解员培养', 18000, '2026-11-15', '2027-04-30', 'screened', null, null, '2026-11-21'),
      (213, 1011, 10, 'activities', '八大峡文明劝导2026', 40000, '2026-03-01', '2026-12-31', 'approved', '{"106": 40000}', 'P5', '2026-02-11'),
      (214, 1011, 10, 'incubation', '文明劝导员培训', 22000, '2026-12-01', '2027-05-31', 'submitted', null, null, '2026-11-26'),
      (215, 1015, 11, 'activities', '云南路红色物业2026', 30000, '2026-04-01', '2026-12-31', 'approved', '{"113": 30000}', 'P4', '2026-03-10'),
      (216, 1015, null, 'management', '驿站管理费用', 6000, '2026-05-01', '2026-12-31', 'rejected@screened', null, null, '2026-04-22'),
      (217, 1019, 12, 'activities', '江苏路健康驿站义诊', 28000, '2026-05-01', '2026-12-31', 'approved', '{"116": 28000}', 'P6', '2026-04-09'),
      (218, 1019, 4, 'activities', '姐妹来吧进江苏路', 28000, '2026-12-01', '2027-08-31', 'in_notice', '{"103": 28000}', null, '2026-11-16'),
      (219, 1023, 13, 'incubation', '八大关护苗行动孵化', 32000, '2026-04-01', '2026-12-31', 'approved', '{"122": 32000}', 'P1', '2026-03-11'),
      (220, 1023, null, 'venue', '太平角微驿站建设', 30000, '2026-12-01', '2027-06-30', 'checked', '{"101": 30000}', null, '2026-11-26'),
      (221, 1027, 14, 'activities', '湛山法律明白人2026', 35000, '2026-03-01', '2026-12-31', 'approved', '{"106": 35000}', 'P5', '2026-02-12'),
      (222, 1027, 14, 'incubation', '法律明白人进楼院', 24000, '2026-12-01', '2027-05-31', 'in_notice', '{"102": 24000}', 'objection', '2026-11-20'),
      (223, 1031, 15, 'activities', '老街记忆口述史', 20000, '2026-05-01', '2026-12-31', 'approved', '{"103": 20000}', 'P7', '2026-04-10'),
      (224, 1031, null, 'rewards', '优秀志愿者表彰', 10000, '2026-11-01', '2026-12-31', 'withdrawn@submitted', null, null, '2026-10-20'),
      (225, 1036, 16, 'activities', '金湖路海洋环保', 25000, '2026-04-01', '2026-12-31', 'approved', '{"103": 25000}', 'P3', '2026-03-12'),
      (226, 1036, 16, 'venue', '海洋环保宣传站', 55000, '2026-12-01', '2027-06-30', 'draft', null, null, '2026-11-27'),
      (227, 1040, 17, 'activities', '金门路楼院议事', 20000, '2026-06-01', '2026-12-31', 'approved', '{"117": 20000}', 'P2', '2026-05-11'),
      (228, 1040, null, 'incubation', '楼院议事规则孵化', 15000, '2026-12-01', '2027-04-30', 'screened', null, null, '2026-11-25'),
      (229, 1045, 6, 'incubation', '党建带教银龄先锋2026', 28000, '2026-04-01', '2026-12-31', 'approved', '{"102": 28000}', 'P1', '2026-03-13'),
      (230, 1045, 2, 'activities', '银艺润万家巡演', 30000, '2026-11-15', '2027-03-31', 'rejected@checked', '{"112": 30000}', null, '2026-11-19'),
      (231, 1011, 10, 'activities', '文明劝导冬季行动', 16000, '2026-12-01', '2027-02-28', 'draft', null, null, '2026-11-27'),
      (232, 1015, 11, 'venue', '云南路驿站设施更新', 28000, '2026-12-01', '2027-05-31', 'submitted', null, null, '2026-11-25'),
      (233, 1019, 12, 'incubation', '健康讲师培养', 20000, '2026-12-01', '2027-05-31', 'checked', '{"120": 20000}', null, '2026-11-26'),
      (234, 1023, 13, 'activities', '护苗暑期课堂', 18000, '2026-07-01', '2026-08-31', 'withdrawn@in_notice', '{"103": 18000}', null, '2026-06-10'),
      (235, 1027, null, 'rewards', '湛山志愿者激励', 9000, '2026-10-01', '2026-12-31', 'in_notice', '{"104": 9000}', null, '2026-11-26'),
      (236, 1031, 15, 'incubation', '老街讲解员孵化', 27000, '2026-12-01', '2027-05-31', 'submitted', null, null, '2026-11-26'),
      (237, 1036, null, 'management', '团队管理培训', 5000, '2026-12-01', '2026-12-31', 'draft', null, null, '2026-11-20'),
      (238, 1040, 17, 'activities', '楼院议事会2027', 22000, '2027-01-01', '2027-06-30', 'screened', null, null, '2026-11-24'),
      (239, 1045, 6, 'activities', '党建带教进社区', 30000, '2026-06-01', '2026-12-31', 'rejected@in_notice', '{"113": 30000}', 'upheld', '2026-05-12'),
      (240, 1002, 8, 'activities', '南京路银龄助老', 33000, '2026-03-01', '2026-11-30', 'approved', '{"201": 33000}', 'P5', '2026-02-16')
    ) v(id, team, project, purpose, title, yuan, pstart, pend, status, lines, plan, day)
    order by id
  loop
    v_final := split_part(a.status, '@', 1);
    v_stage := coalesce(nullif(split_part(a.status, '@', 2), ''), v_final);
    v_reached := array_position(v_order, v_stage);
    d := a.day::date;
    v_amount := a.yuan * 100;
    v_lines := a.lines::jsonb;
    v_leader := case a.team when 1001 then '00000000-0000-4000-8000-000000000003'::uuid when 1006 then '00000000-0000-4000-8000-000000000006'::uuid
                             when 1002 then '00000000-0000-4000-8000-000000000009'::uuid else md5('leader-' || a.team)::uuid end;
    select * into t from public.org_units where id = a.team;
    v_screener := case t.street_id when 2 then u_street when 3 then u_street2 else u_org2 end;
    v_checker := case when v_lines ? '201' or v_lines ? '202' then u_finance2 else u_finance end;
    -- targets from what the team (and project) actually does over such a period, times a spread
    select coalesce(sum(r.hours), 0), count(distinct r.volunteer_id), count(distinct r.activity_id) into h, ppl, acts
      from public.service_records r join public.service_activities sa on sa.id = r.activity_id
     where r.team_id = a.team and r.status = 'approved' and (a.project is null or sa.project_id = a.project)
       and r.service_date between (case when a.pstart::date < v_today - 60 then a.pstart::date else a.pstart::date - 365 end)
                              and (case when a.pstart::date < v_today - 60 then least(a.pend::date, v_today) else least(a.pend::date - 365, v_today) end);
    v_scale := case when a.pstart::date < v_today - 60 and a.pend::date > v_today
                    then (a.pend::date - a.pstart::date + 1)::numeric / (v_today - a.pstart::date + 1) else 1 end;
    v_factor := (array[0.85, 1.0, 1.1, 1.3])[1 + a.id % 4];
    insert into public.grant_applications (id, team_id, project_id, purpose, venue_name, activity, title, summary, amount_requested_fen,
                                           period_start, period_end, target_hours, target_people, target_activities, status,
                                           created_by, created_at, updated_at) overriding system value
    values (a.id, a.team, a.project, a.purpose::public.budget_purpose,
            case when a.purpose = 'venue' then replace(t.name, '志愿服务队', '') || '驿站' end,
            case when a.purpose = 'activities' then a.title end,
            a.title, '申请用于' || a.title || '：围绕群众需求开展志愿服务，经费专款专用，按期报送服务记录与支出凭证。',
            v_amount, a.pstart::date, a.pend::date,
            greatest(round(h * v_scale * v_factor), 10), greatest(ceil(ppl * v_factor), 3)::integer, greatest(ceil(acts * v_scale * v_factor), 2)::integer,
            'draft', v_leader, (d - 14)::timestamptz + interval '9 hours', (d - 14)::timestamptz + interval '9 hours');
    insert into public.application_budget_items (application_id, item, amount_fen, sort_order)
    select a.id, x.item, x.amt, x.ord from (values
      (1, case a.purpose when 'venue' then '设施设备购置' when 'incubation' then '培训与导师费用' when 'rewards' then '激励物品' else '活动物料与宣传' end,
          round(v_amount * 0.45)::bigint),
      (2, case a.purpose when 'venue' then '场地改造施工' when 'incubation' then '项目策划与评估' when 'rewards' then '表彰活动' else '场地与设备租用' end,
          round(v_amount * 0.35)::bigint),
      (3, '志愿者保险与交通', v_amount - round(v_amount * 0.45)::bigint - round(v_amount * 0.35)::bigint)
    ) x(ord, item, amt);
    if a.status = 'draft' then
      update public.grant_applications set created_at = d::timestamptz + interval '9 hours', updated_at = d::timestamptz + interval '9 hours' where id = a.id;
      continue;
    end if;
    -- submitted
    ts := (d - 12)::timestamptz + interval '10 hours';
    if v_reached = 2 then ts := d::timestamptz + interval '10 hours'; end if;
    insert into public.application_transitions (application_id, from_status, to_status, actor, at)
    values (a.id, 'draft', 'submitted', v_leader, ts);
    update public.grant_applications set status = 'submitted', submitted_at = ts where id = a.id;
    if a.status = 'rejected@submitted' then
      insert into public.application_transitions (application_id, from_status, to_status, actor, at, reason)
      values (a.id, 'submitted', 'rejected', v_screener, ts + interval '2 days', '与积分兑换经费用途重复，建议从积分兑换渠道解决');
      update public.grant_applications set status = 'rejected', screened_by = v_screener where id = a.id;
      continue;
    elsif a.status = 'withdrawn@submitted' then
      insert into public.application_transitions (application_id, from_status, to_status, actor, at, reason)
      values (a.id, 'submitted', 'withdrawn', v_leader, ts + interval '3 days', '活动时间调整，明年再申报');
      update public.grant_applications set status = 'withdrawn' where id = a.id;
      continue;
    end if;
    if v_reached = 2 then continue; end if;
    -- screened (初审)
    ts := case when v_reached = 3 then d::timestamptz + interval '15 hours' else (d - 9)::timestamptz + interval '15 hours' end;
    insert into public.application_transitions (application_id, from_status, to_status, actor, at, reason)
    values (a.id, 'submitted', 'screened', v_screener, ts, '材料齐全，符合申报条件');
    update public.grant_applications set status = 'screened', screened_by = v_screener where id = a.id;
    if a.status = 'rejected@screened' then
      insert into public.application_transitions (application_id, from_status, to_status, actor, at, reason)
      values (a.id, 'screened', 'rejected', v_checker, ts + interval '3 days', '管理费用由街道承担，专项资金不予列支');
      update public.grant_applications set status = 'rejected', checked_by = v_checker where id = a.id;
      continue;
    end if;
    if v_reached = 3 then continue; end if;
    -- checked (财务预算审核): lines chosen
    ts := case when v_reached = 4 then d::timestamptz + interval '11 hours' else (d - 6)::timestamptz + interval '11 hours' end;
    insert into public.application_allocations (application_id, line_id, amount_fen)
    select a.id, k::bigint, (v::text)::bigint * 100 from jsonb_each(v_lines) e(k, v);
    insert into public.application_transitions (application_id, from_status, to_status, actor, at, reason)
    values (a.id, 'screened', 'checked', v_checker, ts, '预算科目额度充足');
    update public.grant_applications set status = 'checked', checked_by = v_checker where id = a.id;
    if a.status = 'rejected@checked' then
      insert into public.application_transitions (application_id, from_status, to_status, actor, at, reason)
      values (a.id, 'checked', 'rejected', u_org, ts + interval '3 days', '与区级同类项目内容重复，建议合并申报');
      update public.grant_applications set status = 'rejected', decided_by = u_org where id = a.id;
      continue;
    end if;
    if a.plan = 'first_approval' then
      insert into public.application_approvals (application_id, approved_by, approved_at, reason)
      values (a.id, u_org, ts + interval '1 day', '同意，金额超过5万元，请第二位领导审批');
    end if;
    if v_reached = 4 then continue; end if;
    -- decided → in_notice: money committed on the lines
    ts := d::timestamptz + interval '16 hours';
    insert into public.application_approvals (application_id, approved_by, approved_at, reason) values (a.id, u_org, ts - interval '2 hours', '同意');
    if v_amount > 5000000 then
      insert into public.application_approvals (application_id, approved_by, approved_at, reason) values (a.id, u_org2, ts, '同意（第二审批）');
    end if;
    insert into public.fund_ledger (kind, source_id, line_id, application_id, amount_fen, occurred_on, note, created_by, created_at)
    select 'commitment', b.source_id, b.id, a.id, (e.v::text)::bigint * 100, d, '决定: ' || a.title,
           case when v_amount > 5000000 then u_org2 else u_org end, ts
      from jsonb_each(v_lines) e(k, v) join public.budget_lines b on b.id = e.k::bigint order by b.id;
    v_notice_end := private.working_days_after(d, 5);
    insert into public.application_transitions (application_id, from_status, to_status, actor, at, reason)
    values (a.id, 'checked', 'in_notice', case when v_amount > 5000000 then u_org2 else u_org end, ts, '部务会研究同意，予以公示');
    update public.grant_applications set status = 'in_notice', decided_by = case when v_amount > 5000000 then u_org2 else u_org end,
           notice_start = d, notice_end = v_notice_end where id = a.id;
    if a.plan = 'objection' then
      insert into public.grant_objections (application_id, received_on, content, recorded_by, recorded_at)
      values (a.id, d + 3, '来电反映：该队部分活动与社区法律服务站重复，建议核实经费用途。', u_org, (d + 3)::timestamptz + interval '10 hours');
    elsif a.plan = 'upheld' then
      insert into public.grant_objections (application_id, received_on, content, status, resolution, recorded_by, recorded_at, resolved_by, resolved_at)
      values (a.id, d + 2, '来信反映：申报的活动场地与另一已资助项目相同，存在重复申报。', 'upheld', '经核实情况属实，撤销本次资助决定。',
              u_street2, (d + 2)::timestamptz + interval '10 hours', u_org, (d + 5)::timestamptz + interval '10 hours');
      insert into public.fund_ledger (kind, source_id, line_id, application_id, amount_fen, occurred_on, note, created_by, created_at)
      select 'release', b.source_id, b.id, a.id, (e.v::text)::bigint * 100, d + 5, '异议成立: 撤销资助', u_org, (d + 5)::timestamptz + interval '10 hours'
        from jsonb_each(v_lines) e(k, v) join public.budget_lines b on b.id = e.k::bigint order by b.id;
      insert into public.application_transitions (application_id, from_status, to_status, actor, at, reason)
      values (a.id, 'in_notice', 'rejected', u_org, (d + 5)::timestamptz + interval '10 hours', '异议成立: 经核实情况属实，撤销本次资助决定。');
      update public.grant_applications set status = 'rejected' where id = a.id;
      continue;
    end if;
    if a.status = 'withdrawn@in_notice' then
      insert into public.fund_ledger (kind, source_id, line_id, application_id, amount_fen, occurred_on, note, created_by, created_at)
      select 'release', b.source_id, b.id, a.id, (e.v::text)::bigint * 100, d + 2, '撤回', v_leader, (d + 2)::timestamptz + interval '9 hours'
        from jsonb_each(v_lines) e(k, v) join public.budget_lines b on b.id = e.k::bigint order by b.id;
      insert into public.application_transitions (application_id, from_status, to_status, actor, at, reason)
      values (a.id, 'in_notice', 'withdrawn', v_leader, (d + 2)::timestamptz + interval '9 hours', '学校暑期安排变化，活动取消');
      update public.grant_applications set status = 'withdrawn' where id = a.id;
      continue;
    end if;
    if v_reached = 5 then continue; end if;
    -- approved: the agreement and the grant
    v_approved := v_notice_end + 1;
    ts := v_approved::timestamptz + interval '10 hours';
    if a.id = 201 then
      insert into public.grant_objections (application_id, received_on, content, status, resolution, recorded_by, recorded_at, resolved_by, resolved_at)
      values (a.id, d + 2, '群众询问：资助资金是否用于发放现金补贴？', 'dismissed', '经核实，经费用于活动物料和保险，不发放现金，异议不成立。',
              u_street, (d + 2)::timestamptz + interval '10 hours', u_org, (d + 4)::timestamptz + interval '10 hours');
    end if;
    insert into public.application_transitions (application_id, from_status, to_status, actor, at, reason)
    values (a.id, 'in_notice', 'approved', u_org, ts, '公示期满无异议，签订资助协议');
    update public.grant_applications set status = 'approved' where id = a.id;
    insert into public.grants (application_id, agreement_no, team_id, project_id, purpose, amount_fen, starts_on, ends_on,
                               target_hours, target_people, target_activities, created_by, created_at)
    select g.id, 'SN' || g.fiscal_year || '-' || lpad(g.id::text, 4, '0'), g.team_id, g.project_id, g.purpose, g.amount_requested_fen,
           g.period_start, g.period_end, g.target_hours, g.target_people, g.target_activities, u_org, ts
      from public.grant_applications g where g.id = a.id
    returning id into v_grant;
    -- tranches by plan: shares of the grant and the state of each
    v_share := case a.plan when 'P1' then array[0.5, 0.5] when 'P2' then array[0.6, 0.4] when 'P3' then array[0.5, 0.5]
                           when 'P4' then array[0.5, 0.5] when 'P5' then array[0.5, 0.5] when 'P6' then array[0.4, 0.3, 0.3]
                           when 'P7' then array[1.0] when 'partial' then array[0.6, 0.4] else array[0.5, 0.5] end;
    v_state := case a.plan when 'P1' then array['paid:verified', 'requested'] when 'P2' then array['paid:pending', 'scheduled']
                           when 'P3' then array['paid:none', 'scheduled'] when 'P4' then array['approved', 'scheduled']
                           when 'P5' then array['paid:verified', 'paid:verified'] when 'P6' then array['paid:mixed', 'paid:verified', 'approved']
                           when 'P7' then array['scheduled'] when 'partial' then array['paid:verified', 'scheduled']
                           else array['paid:verified', 'paid:verified'] end;
    select (k)::bigint into v_line from jsonb_object_keys(v_lines) k order by 1 limit 1;
    for i in 1 .. cardinality(v_share) loop
      -- multi-line allocations: tranche i takes line i when there are as many lines
      if jsonb_typeof(v_lines) = 'object' and (select count(*) from jsonb_object_keys(v_lines)) >= i and cardinality(v_share) = (select count(*) from jsonb_object_keys(v_lines)) then
        select k::bigint into v_line from jsonb_object_keys(v_lines) k order by 1 offset i - 1 limit 1;
        v_tr_amt := (v_lines ->> v_line::text)::bigint * 100;
      else
        v_tr_amt := case when i = cardinality(v_share) then v_amount - (select coalesce(sum(amount_fen), 0) from public.grant_tranches where grant_id = v_grant)
                         else round(v_amount * v_share[i])::bigint end;
      end if;
      -- due dates every 120 days (60 for three tranches); what was paid was paid by two days ago at the latest
      v_due := greatest(a.pstart::date, v_approved + 3) + (i - 1) * case when a.plan = 'P6' then 60 else 120 end;
      v_paid := least(v_due, v_today - 2 - (cardinality(v_share) - i) * 5);
      insert into public.grant_tranches (grant_id, seq, line_id, amount_fen, due_on, status, created_by, created_at)
      values (v_grant, i, v_line, v_tr_amt, v_due, 'scheduled', v_checker, ts + interval '1 day')
      returning id into v_tr;
      if split_part(v_state[i], ':', 1) in ('requested', 'approved', 'paid') then
        update public.grant_tranches set status = 'requested', requested_by = v_leader, requested_at = (v_paid - 3)::timestamptz + interval '9 hours'
         where id = v_tr;
      end if;
      if split_part(v_state[i], ':', 1) in ('approved', 'paid') then
        update public.grant_tranches set status = 'approved', approved_by = v_checker, approved_at = (v_paid - 2)::timestamptz + interval '14 hours'
         where id = v_tr;
      end if;
      if split_part(v_state[i], ':', 1) = 'paid' then
        v_vno := v_vno + 1;
        update public.grant_tranches set status = 'paid', paid_by = v_checker, paid_on = v_paid, voucher_no = 'FK' || extract(year from v_paid) || '-' || lpad(v_vno::text, 4, '0')
         where id = v_tr;
        insert into public.fund_ledger (kind, source_id, line_id, application_id, tranche_id, amount_fen, voucher_no, occurred_on, note, created_by, created_at)
        select 'disbursement', b.source_id, b.id, a.id, v_tr, v_tr_amt, 'FK' || extract(year from v_paid) || '-' || lpad(v_vno::text, 4, '0'), v_paid,
               'SN' || extract(year from a.pstart::date) || '-' || lpad(a.id::text, 4, '0') || ' 第' || i || '笔', v_checker, v_paid::timestamptz + interval '15 hours'
          from public.budget_lines b where b.id = v_line;
        -- vouchers (凭证) filed by the grantee after the money arrived
        if split_part(v_state[i], ':', 2) in ('verified', 'pending', 'mixed') then
          insert into public.grant_vouchers (grant_id, tranche_id, object_path, file_name, mime, size_bytes, amount_fen, issued_on, description,
                                             status, uploaded_by, uploaded_at, checked_by, checked_at, reason)
          select v_grant, v_tr,
                 v_grant || '/' || v_tr || '/' || md5('voucher-' || v_tr || '-' || n)::uuid || case when n = 2 then '.pdf' else '.jpg' end,
                 case when n = 1 then '发票-活动物料.jpg' when n = 2 then '收据-场地租用.pdf' else '发票-保险.jpg' end,
                 case when n = 2 then 'application/pdf' else 'image/jpeg' end,
                 180000 + abs(hashtext('size' || v_tr || n)) % 600000,
                 round(v_tr_amt * case n when 1 then 0.45 when 2 then 0.35 else 0.15 end)::bigint,
                 least(v_paid + 7 * n, v_today - 1),
                 case when n = 1 then '活动物料采购' when n = 2 then '场地租用' else '志愿者保险' end,
                 (case when split_part(v_state[i], ':', 2) = 'pending' then 'pending'
                       when split_part(v_state[i], ':', 2) = 'mixed' and n = 2 then 'rejected' else 'verified' end)::public.voucher_status,
                 v_leader, (least(v_paid + 7 * n, v_today - 1))::timestamptz + interval '18 hours',
                 case when split_part(v_state[i], ':', 2) <> 'pending' then v_checker end,
                 case when split_part(v_state[i], ':', 2) <> 'pending' then (least(v_paid + 7 * n + 2, v_today))::timestamptz + interval '9 hours' end,
                 case when split_part(v_state[i], ':', 2) = 'mixed' and n = 2 then '收据无收款单位公章，请补充盖章后重新上传' end
            from generate_series(1, case when split_part(v_state[i], ':', 2) = 'pending' then 1 else 2 end) n;
        end if;
      end if;
    end loop;
  end loop;

  -- change requests: a targets change decided, one waiting for finance
  insert into public.grant_changes (grant_id, kind, before, after, reason, status, requested_by, requested_at, decided_by, decided_at, decision_reason)
  select g.id, 'targets', jsonb_build_object('target_hours', g.target_hours, 'target_people', g.target_people, 'target_activities', g.target_activities),
         jsonb_build_object('target_hours', g.target_hours + 40, 'target_people', g.target_people + 2, 'target_activities', g.target_activities + 6),
         '新增周末劝导点位，服务量相应增加', 'approved', md5('leader-1011')::uuid, timestamptz '2026-06-10 10:00+08', u_finance, timestamptz '2026-06-12 10:00+08', '同意'
    from public.grants g where g.application_id = 213;
  update public.grants g set target_hours = (c.after ->> 'target_hours')::numeric, target_people = (c.after ->> 'target_people')::integer,
         target_activities = (c.after ->> 'target_activities')::integer
    from public.grant_changes c where c.grant_id = g.id and c.status = 'approved';
  insert into public.grant_changes (grant_id, kind, before, after, reason, requested_by, requested_at)
  select g.id, 'targets', jsonb_build_object('target_hours', g.target_hours, 'target_people', g.target_people, 'target_activities', g.target_activities),
         jsonb_build_object('target_hours', round(g.target_hours * 0.9), 'target_people', g.target_people, 'target_activities', g.target_activities),
         '冬季户外活动减少，申请调减服务时长目标', '00000000-0000-4000-8000-000000000003', timestamptz '2026-11-25 10:00+08'
    from public.grants g where g.application_id = 201;

  -- the 2025 year close (by district finance) and the 2025 evaluations (by finance, published by the organisation department)
  perform set_config('request.jwt.claims', json_build_object('sub', u_finance, 'role', 'authenticated')::text, true);
  perform public.close_fiscal_year(2025, '2025年度决算结转');
  perform public.evaluate_grant(g.id) from public.grants g where g.starts_on < date '2026-01-01' order by g.id;
  perform set_config('request.jwt.claims', json_build_object('sub', u_org, 'role', 'authenticated')::text, true);
  perform public.publish_evaluation(g.id) from public.grants g where g.starts_on < date '2026-01-01' and g.application_id not in (116, 118) order by g.id;
  perform set_config('request.jwt.claims', '', true);
  update public.fund_year_closes set closed_at = timestamptz '2026-01-15 10:00+08' where fiscal_year = 2025;
  update public.grants set closed_at = timestamptz '2026-01-15 10:00+08' where close_reason = '2025年度结转';
  update public.grant_tranches set close_reason = '2025年度结转：协议期满，未拨付部分取消' where close_reason = '2025年度结转';
  update public.grant_evaluations set evaluated_at = timestamptz '2026-01-20 10:00+08',
         published_at = case when published then timestamptz '2026-01-28 10:00+08' end;
  perform set_config('TimeZone', v_zone, true);
end
$seed$;
select setval(pg_get_serial_sequence('public.grant_applications', 'id'), 1000);
analyze public.fund_ledger, public.grant_applications, public.grants, public.grant_tranches, public.grant_vouchers;
