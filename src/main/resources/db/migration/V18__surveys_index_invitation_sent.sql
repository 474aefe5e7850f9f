-- Response rates count invitations by the day they were sent.
create index ix_invitation_sent on survey_invitation (sent_at);
