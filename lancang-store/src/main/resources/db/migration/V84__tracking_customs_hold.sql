-- Customs at every border a consignment crosses (issue 19): a customs hold is a step of each box too, at the control
-- station of the border that holds it (CUSTOMS_HOLD beside CUSTOMS_RELEASE), so a shipper and the EDI see a hold at
-- Nong Khai as they see a release at Mohan. The type list is V54's with the one new step.
ALTER TABLE tracking_event DROP CONSTRAINT tracking_event_type_check;
ALTER TABLE tracking_event ADD CONSTRAINT tracking_event_type_check CHECK (type IN ('GATE_IN', 'LOADED', 'DEPARTED',
    'PASSED', 'BORDER_EXIT', 'BORDER_ENTRY', 'CUSTOMS_RELEASE', 'CUSTOMS_HOLD', 'ARRIVED', 'TRANSSHIPPED', 'DELIVERED',
    'EMPTY_RETURNED'));
