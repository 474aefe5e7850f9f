-- Invitations another module asks for with a reference of its own (the closed loop's recovery
-- survey: "case:<id>:<version>"). The reference is unique, so asking twice invites once; the
-- contact rules such an invitation carries (channels, quiet hours) are kept on the row, since no
-- trigger holds them.
alter table survey_invitation add column reference varchar(128);
alter table survey_invitation add column channels varchar(100);
alter table survey_invitation add column quiet_start varchar(5);
alter table survey_invitation add column quiet_end varchar(5);
create unique index uq_invitation_reference on survey_invitation (reference);
