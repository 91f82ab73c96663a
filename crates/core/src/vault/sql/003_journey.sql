-- The client journey: checklist templates, each client's own checklists, stage history,
-- lifecycle changes, lost reasons and follow-up dates.

-- Templates per product type ('general' for clients without one) and stage. A set's version
-- goes up on every edit; clients copy a stage's items when they enter it, so an edit never
-- rewrites what a client already has.
CREATE TABLE checklist_template_sets (
  product TEXT NOT NULL,
  stage   INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 5),
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (product, stage)
) WITHOUT ROWID;

CREATE TABLE checklist_templates (
  id            INTEGER PRIMARY KEY,
  product       TEXT NOT NULL,
  stage         INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 5),
  position      INTEGER NOT NULL,
  key           TEXT NOT NULL,
  label_zh      TEXT NOT NULL,
  label_en      TEXT NOT NULL,
  required      INTEGER NOT NULL,
  document_kind TEXT,
  UNIQUE (product, stage, key)
);

-- A client's checklist items, per stage. An item is open until done, and a document item
-- until its document is received too.
CREATE TABLE checklist_items (
  id               INTEGER PRIMARY KEY,
  client_id        INTEGER NOT NULL REFERENCES clients(id),
  stage            INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 5),
  position         INTEGER NOT NULL,
  key              TEXT NOT NULL,
  label_zh         TEXT NOT NULL,
  label_en         TEXT NOT NULL,
  required         INTEGER NOT NULL,
  document_kind    TEXT,
  one_off          INTEGER NOT NULL DEFAULT 0,
  template_version INTEGER,
  done_on          TEXT,
  received_on      TEXT,
  note             TEXT NOT NULL DEFAULT '',
  UNIQUE (client_id, stage, key)
);

-- One row per time a client entered a stage; the open row (left_on NULL) is the current one.
CREATE TABLE stage_entries (
  id              INTEGER PRIMARY KEY,
  client_id       INTEGER NOT NULL REFERENCES clients(id),
  stage           INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 5),
  entered_on      TEXT NOT NULL,
  left_on         TEXT,
  via             TEXT NOT NULL,
  -- Advancing past open required items: the officer's reason and the keys skipped (JSON).
  override_reason TEXT,
  skipped         TEXT NOT NULL DEFAULT '[]',
  note            TEXT NOT NULL DEFAULT '',
  at              TEXT NOT NULL
);
CREATE INDEX stage_entries_client ON stage_entries(client_id, id);
-- The funnel: a stage's entries client by client (no sort for the cohort), and whether a client
-- went on to the next stage, both answered from the index alone; and stays that ended.
CREATE INDEX stage_entries_cohort ON stage_entries(stage, client_id, entered_on, via);
CREATE INDEX stage_entries_left ON stage_entries(stage, left_on, entered_on) WHERE left_on IS NOT NULL;
-- The board: a column's cards, longest in stage first, without sorting 20k rows.
CREATE INDEX stage_entries_current ON stage_entries(stage, entered_on, client_id) WHERE left_on IS NULL;
-- Today: clients stuck longest, across stages.
CREATE INDEX stage_entries_stuck ON stage_entries(entered_on, client_id) WHERE left_on IS NULL;

-- Board column totals with tier/product filters, counted from the index alone (20k rows a
-- column at 100k clients: ~1 ms instead of ~16 ms looking up each row's status).
CREATE INDEX clients_board ON clients(archived, stage, tier, product, status);

CREATE TABLE status_changes (
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES clients(id),
  changed_on  TEXT NOT NULL,
  stage       INTEGER NOT NULL,
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  lost_reason TEXT,
  note        TEXT NOT NULL DEFAULT '',
  at          TEXT NOT NULL
);
CREATE INDEX status_changes_client ON status_changes(client_id, id);
CREATE INDEX status_changes_lost ON status_changes(changed_on) WHERE to_status = 'lost';

-- Editable list; a removed reason is retired, not deleted, so old records keep their label.
CREATE TABLE lost_reasons (
  key      TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  retired  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO lost_reasons (key, position, label_zh, label_en) VALUES
  ('pricing', 0, '利率或费用缺乏竞争力', 'Rate or fees not competitive'),
  ('other-bank', 1, '选择了其他银行', 'Chose another bank'),
  ('admission', 2, '不符合准入标准', 'Did not meet admission criteria'),
  ('repayment-capacity', 3, '还款能力不足', 'Insufficient repayment capacity'),
  ('collateral', 4, '担保或抵押不足', 'Insufficient collateral or guarantee'),
  ('need-gone', 5, '融资需求取消或推迟', 'Financing need cancelled or postponed'),
  ('approval-time', 6, '审批时间过长', 'Approval took too long'),
  ('no-response', 7, '客户失联或无回应', 'Client stopped responding'),
  ('other', 8, '其他', 'Other');

-- Follow-up cadence per tier (陪伴式), and each client's next contact date derived from its
-- latest touchpoint. Triggers keep followups true for every writer, so "Today" reads one index.
CREATE TABLE followup_cadence (
  tier TEXT PRIMARY KEY,
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 365)
) WITHOUT ROWID;
INSERT INTO followup_cadence (tier, days) VALUES ('A', 14), ('B', 30), ('C', 90);

CREATE TABLE followups (
  client_id       INTEGER PRIMARY KEY REFERENCES clients(id),
  -- The day the client was created: the cadence counts from it until a first touchpoint.
  since_on        TEXT NOT NULL,
  last_contact_on TEXT,
  next_on         TEXT NOT NULL,
  -- 1 when next_on was set by hand on the latest touchpoint (a cadence change leaves it alone).
  manual          INTEGER NOT NULL
);
CREATE INDEX followups_next ON followups(next_on);

-- The follow-up rule, in one place: the latest touchpoint's date set by hand, else its date
-- (or the creation day) plus the tier's cadence.
CREATE VIEW followups_rule AS
SELECT f.client_id,
       t.date AS last_contact_on,
       COALESCE(t.next_contact_date,
                date(COALESCE(t.date, f.since_on), '+' || k.days || ' days')) AS next_on,
       t.next_contact_date IS NOT NULL AS manual
FROM followups f
JOIN clients c ON c.id = f.client_id
JOIN followup_cadence k ON k.tier = c.tier
LEFT JOIN touchpoints t ON t.id = (SELECT id FROM touchpoints WHERE client_id = f.client_id
                                    ORDER BY date DESC, id DESC LIMIT 1);

-- The row itself is written when the client is created (with that day); these keep it current.
CREATE TRIGGER followups_client_tier AFTER UPDATE OF tier ON clients
WHEN OLD.tier IS NOT NEW.tier BEGIN
  UPDATE followups SET (last_contact_on, next_on, manual) = (
    SELECT last_contact_on, next_on, manual FROM followups_rule r WHERE r.client_id = followups.client_id)
  WHERE client_id = NEW.id;
END;

CREATE TRIGGER followups_touchpoint_insert AFTER INSERT ON touchpoints BEGIN
  UPDATE followups SET (last_contact_on, next_on, manual) = (
    SELECT last_contact_on, next_on, manual FROM followups_rule r WHERE r.client_id = followups.client_id)
  WHERE client_id = NEW.client_id;
END;

CREATE TRIGGER followups_touchpoint_update AFTER UPDATE ON touchpoints BEGIN
  UPDATE followups SET (last_contact_on, next_on, manual) = (
    SELECT last_contact_on, next_on, manual FROM followups_rule r WHERE r.client_id = followups.client_id)
  WHERE client_id = NEW.client_id;
  UPDATE followups SET (last_contact_on, next_on, manual) = (
    SELECT last_contact_on, next_on, manual FROM followups_rule r WHERE r.client_id = followups.client_id)
  WHERE client_id = OLD.client_id;
END;

CREATE TRIGGER followups_touchpoint_delete AFTER DELETE ON touchpoints BEGIN
  UPDATE followups SET (last_contact_on, next_on, manual) = (
    SELECT last_contact_on, next_on, manual FROM followups_rule r WHERE r.client_id = followups.client_id)
  WHERE client_id = OLD.client_id;
END;

CREATE TRIGGER followups_cadence AFTER UPDATE OF days ON followup_cadence BEGIN
  UPDATE followups
  SET next_on = date(COALESCE(last_contact_on, since_on), '+' || NEW.days || ' days')
  WHERE manual = 0
    AND client_id IN (SELECT id FROM clients WHERE tier = NEW.tier);
END;

-- Default templates: items every product shares, then each product's own.
WITH products(product) AS (
  VALUES ('general'), ('working-capital'), ('fixed-asset'), ('project-finance'), ('sme')
), items(stage, position, key, label_zh, label_en, required, document_kind) AS (VALUES
  (1, 10, 's1-source', '记录客户来源渠道', 'Source channel recorded', 1, NULL),
  (1, 20, 's1-company-info', '登记企业基本信息（行业、规模、地区）', 'Basic company information recorded (industry, size, region)', 1, NULL),
  (1, 30, 's1-contact', '确定联系人及联系方式', 'Contact person identified', 1, NULL),
  (1, 40, 's1-interest', '初步确认融资意向', 'Interest in financing confirmed', 0, NULL),
  (2, 10, 's2-meeting', '完成首次面谈', 'First meeting held', 1, NULL),
  (2, 20, 's2-application', '收到贷款申请书', 'Loan application form received', 1, 'application-form'),
  (2, 30, 's2-licence', '核验营业执照', 'Business licence verified', 1, 'business-licence'),
  (2, 40, 's2-legal-rep-id', '法定代表人身份证明', 'Legal representative ID', 1, 'legal-rep-id'),
  (2, 50, 's2-credit-report', '查询征信报告', 'Credit report pulled', 1, 'credit-report'),
  (2, 60, 's2-financials', '近三年财务报表', 'Financial statements for the last three years', 1, 'financial-statements'),
  (2, 70, 's2-admission', '准入标准审查（财务状况、信用评级、经营模式）', 'Admission criteria checked (financial condition, credit rating, business model)', 1, NULL),
  (3, 10, 's3-purpose', '明确贷款用途', 'Loan purpose confirmed', 1, NULL),
  (3, 20, 's3-amount-term', '确定贷款金额与期限', 'Amount and term agreed', 1, NULL),
  (3, 30, 's3-repayment-capacity', '还款能力分析', 'Repayment capacity analysed', 1, NULL),
  (3, 40, 's3-bank-statements', '近一年银行流水', 'Bank statements for the last 12 months', 1, 'bank-statements'),
  (3, 50, 's3-tax', '纳税证明', 'Tax certificates', 0, 'tax-certificate'),
  (4, 10, 's4-structure', '拟定贷款结构与还款计划', 'Loan structure and repayment plan drafted', 1, NULL),
  (4, 20, 's4-financial-model', '财务模型', 'Financial model', 1, NULL),
  (4, 30, 's4-risk', '风险分析', 'Risk analysis', 1, NULL),
  (4, 40, 's4-collateral', '担保及抵押材料', 'Collateral and guarantee papers', 1, 'collateral'),
  (4, 50, 's4-approval', '通过内部审批', 'Internal approval obtained', 1, NULL),
  (4, 60, 's4-proposal-sent', '方案建议书送达客户', 'Proposal delivered to the client', 1, 'proposal'),
  (5, 10, 's5-contract', '签订借款合同', 'Loan contract signed', 1, 'contract'),
  (5, 20, 's5-disbursed', '完成放款', 'Funds disbursed', 1, NULL),
  (5, 30, 's5-use-of-funds', '监控资金用途', 'Use of funds monitored', 1, NULL),
  (5, 40, 's5-reminders', '设置还款提醒', 'Repayment reminders set', 0, NULL),
  (5, 50, 's5-periodic-financials', '定期收集财务数据', 'Periodic financial data collected', 0, 'financial-statements')
)
INSERT INTO checklist_templates (product, stage, position, key, label_zh, label_en, required, document_kind)
SELECT p.product, i.stage, i.position, i.key, i.label_zh, i.label_en, i.required, i.document_kind
FROM products p, items i;

INSERT INTO checklist_templates (product, stage, position, key, label_zh, label_en, required, document_kind) VALUES
  ('working-capital', 3, 35, 's3-working-capital-need', '营运资金需求测算', 'Working-capital need calculated', 1, NULL),
  ('working-capital', 3, 60, 's3-trade-contracts', '上下游购销合同', 'Purchase and sales contracts', 0, 'other'),
  ('fixed-asset', 3, 35, 's3-investment-budget', '固定资产投资预算', 'Fixed-asset investment budget', 1, NULL),
  ('fixed-asset', 3, 60, 's3-project-approvals', '项目审批或备案文件', 'Project approval or filing documents', 1, 'project-approval'),
  ('fixed-asset', 4, 45, 's4-equity', '项目资本金到位证明', 'Proof that the project equity (capital) is in place', 1, NULL),
  ('project-finance', 2, 65, 's2-sponsor', '项目发起人及股东背景调查', 'Sponsor and shareholder background checked', 1, NULL),
  ('project-finance', 2, 75, 's2-due-diligence', '尽职调查', 'Due diligence', 1, NULL),
  ('project-finance', 3, 35, 's3-feasibility', '可行性研究报告', 'Feasibility study', 1, 'feasibility-study'),
  ('project-finance', 3, 36, 's3-project-returns', '项目收益测算', 'Expected project returns calculated', 1, NULL),
  ('project-finance', 3, 60, 's3-project-approvals', '项目核准、备案及环评文件', 'Project approval, filing and environmental assessment', 1, 'project-approval'),
  ('project-finance', 4, 25, 's4-cash-flow-model', '项目现金流模型及偿债覆盖率', 'Project cash-flow model and DSCR', 1, NULL),
  ('project-finance', 5, 15, 's5-drawdown-conditions', '落实提款前提条件', 'Conditions precedent to drawdown met', 1, NULL),
  ('sme', 2, 15, 's2-owner-interview', '实际控制人访谈', 'Interview with the controlling owner', 1, NULL),
  ('sme', 3, 45, 's3-site-check', '经营场所实地核查', 'On-site check of the premises', 1, NULL);

INSERT INTO checklist_template_sets (product, stage, version)
SELECT DISTINCT product, stage, 1 FROM checklist_templates;

-- Clients already in the vault: their current stage starts a history, its checklist is copied,
-- and their follow-up date is derived as the triggers would.
INSERT INTO stage_entries (client_id, stage, entered_on, via, at)
SELECT id, stage, substr(created_at, 1, 10), 'migrated', created_at FROM clients;

INSERT INTO checklist_items (client_id, stage, position, key, label_zh, label_en, required, document_kind, template_version)
SELECT c.id, c.stage, t.position, t.key, t.label_zh, t.label_en, t.required, t.document_kind, 1
FROM clients c
JOIN checklist_templates t ON t.product = COALESCE(c.product, 'general') AND t.stage = c.stage;

INSERT INTO followups (client_id, since_on, next_on, manual)
SELECT id, substr(created_at, 1, 10), substr(created_at, 1, 10), 0 FROM clients;
UPDATE followups SET (last_contact_on, next_on, manual) = (
  SELECT last_contact_on, next_on, manual FROM followups_rule r WHERE r.client_id = followups.client_id);
