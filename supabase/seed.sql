-- The demo district: Shinan district (市南区), Qingdao, with the figures of the source report:
-- 11 streets, 48 communities, 71 teams, 720 volunteers, 300+ in the talent pool over six categories,
-- 160+ holding community posts, 240+ in guidance groups. Everything is generated deterministically.
-- Local stack only (`npm run dev`, `npm run db:reset`): a hosted project gets no demo accounts.

insert into public.talent_categories (id, name, description, sort_order) values
  (1, '政治理论', '理论宣讲、党史学习辅导', 1),
  (2, '历史人文', '地方史志、红色故事、文化传承', 2),
  (3, '经济管理', '创新创业指导、企业经营咨询', 3),
  (4, '法律服务', '法律咨询、矛盾纠纷调解', 4),
  (5, '医疗健康', '健康讲座、应急救护、康养指导', 5),
  (6, '文化艺术', '书画、摄影、文艺演出', 6);
select setval(pg_get_serial_sequence('public.talent_categories', 'id'), 6);

insert into public.guidance_groups (id, name, description) values
  (1, '银龄先锋党建指导团', '指导社区党组织建设'),
  (2, '啄木鸟队', '城市管理与社区治理问题巡查'),
  (3, '银龄宣讲团', '理论宣讲进社区'),
  (4, '关心下一代工作团', '青少年成长辅导');
select setval(pg_get_serial_sequence('public.guidance_groups', 'id'), 4);

insert into public.org_units (id, level, name, parent_id, established_on, description)
values (1, 'district', '市南区', null, '2019-03-01', '青岛市市南区离退休干部志愿服务');

insert into public.org_units (id, level, name, parent_id)
select 1 + ord, 'street', name, 1
from unnest(array['八大湖街道', '中山路街道', '八大峡街道', '云南路街道', '江苏路街道', '八大关街道',
                  '湛山街道', '香港中路街道', '金湖路街道', '金门路街道', '珠海路街道']) with ordinality t(name, ord);

insert into public.org_units (id, level, name, parent_id)
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
insert into public.org_units (id, level, name, parent_id, established_on)
select 1000 + row_number() over (order by c.id), 'team',
       replace(c.name, '社区', '') || '银龄先锋志愿服务队', c.id,
       date '2019-05-01' + (c.id * 37 % 900)::int
from public.org_units c where c.level = 'community';

insert into public.org_units (id, level, name, parent_id, established_on)
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
insert into public.projects (id, name, level, org_unit_id, project_group, is_featured, description)
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
insert into public.projects (id, name, level, org_unit_id, project_group, description)
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
-- passbook entries, totals, queue and monthly figures exactly as the triggers would.
set session_replication_role = replica;

insert into public.service_activities (id, team_id, project_id, title, place, service_date, recorded_by, created_at)
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

set session_replication_role = origin;
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
insert into public.alliance_partners (id, name, description) values
  (1, '利群集团市南店', '日用物品兑换'), (2, '青岛啤酒博物馆', '文旅优惠'), (3, '海信广场', '日用物品兑换'),
  (4, '青岛市市立医院健康管理中心', '康养服务'), (5, '小鱼山公园', '文旅优惠'), (6, '颐和康养中心', '康养服务'),
  (7, '青岛海洋科技馆', '文旅优惠'), (8, '家佳源超市', '日用物品兑换'), (9, '老舍故居纪念馆', '文旅优惠'),
  (10, '颐寿中医馆', '康养服务'), (11, '市南区爱心理发联盟', '日用物品兑换'), (12, '青岛新华书店', '文旅优惠');
select setval(pg_get_serial_sequence('public.alliance_partners', 'id'), 12);

insert into public.rewards (id, partner_id, category, name, description, points_cost, stock) values
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
insert into public.rating_rounds (id, name, year, org_unit_id, closed, created_by) values
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
insert into public.role_models (id, volunteer_id, name, title, story, street_id, sort_order)
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
