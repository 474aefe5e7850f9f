-- A default root-cause taxonomy, a few causes under each of the six experience factors. CX
-- managers rename, add, retire and map them to touchpoints through /api/v1/root-causes.
insert into root_cause (code, name_zh, name_en, factor, active, created_at) values
    ('product-defect',        '产品质量缺陷',     'Product defect',                    'PRODUCT',      true, current_timestamp),
    ('product-mismatch',      '产品与宣传不符',   'Product not as described',          'PRODUCT',      true, current_timestamp),
    ('product-delivery',      '交付延迟或不完整', 'Late or incomplete delivery',       'PRODUCT',      true, current_timestamp),
    ('service-attitude',      '服务态度差',       'Poor staff attitude',               'SERVICE',      true, current_timestamp),
    ('service-skill',         '专业能力不足',     'Lack of staff knowledge or skill',  'SERVICE',      true, current_timestamp),
    ('service-slow',          '响应或处理太慢',   'Slow response or handling',         'SERVICE',      true, current_timestamp),
    ('service-standard',      '未执行标准动作',   'Standard actions not followed',     'SERVICE',      true, current_timestamp),
    ('relationship-promise',  '承诺未兑现',       'Promise not kept',                  'RELATIONSHIP', true, current_timestamp),
    ('relationship-contact',  '缺少主动沟通',     'No proactive communication',        'RELATIONSHIP', true, current_timestamp),
    ('convenience-process',   '流程繁琐',         'Cumbersome process',                'CONVENIENCE',  true, current_timestamp),
    ('convenience-access',    '渠道不便或不可用', 'Channel hard to reach or down',     'CONVENIENCE',  true, current_timestamp),
    ('convenience-wait',      '等待时间过长',     'Long waiting time',                 'CONVENIENCE',  true, current_timestamp),
    ('brand-reputation',      '品牌形象受损',     'Damage to brand image',             'BRAND_IMAGE',  true, current_timestamp),
    ('brand-marketing',       '营销宣传误导',     'Misleading marketing',              'BRAND_IMAGE',  true, current_timestamp),
    ('price-value',           '性价比低',         'Poor value for money',              'PRICE',        true, current_timestamp),
    ('price-billing',         '收费错误或不透明', 'Billing error or hidden charges',   'PRICE',        true, current_timestamp),
    ('price-refund',          '退款或补偿纠纷',   'Refund or compensation dispute',    'PRICE',        true, current_timestamp);
