-- A customer's responses, newest first, for the customer profile: without it every profile read
-- every response.
create index ix_response_customer on survey_response (customer_id, submitted_at);
