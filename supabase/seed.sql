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
       extensions.crypt('demo123456', extensions.gen_salt('bf')), now(),
       '{"provider":"email","providers":["email"]}', jsonb_build_object('display_name', display_name), now(), now()
from (values
  ('00000000-0000-4000-8000-000000000001', 'org@demo.local', '组织部 王主任'),
  ('00000000-0000-4000-8000-000000000002', 'street@demo.local', '八大湖街道 李书记'),
  ('00000000-0000-4000-8000-000000000003', 'leader@demo.local', '宁夏路 张队长'),
  ('00000000-0000-4000-8000-000000000004', 'finance@demo.local', '财务 赵会计')
) u(id, email, display_name);
