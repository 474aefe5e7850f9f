-- LIKELIHOOD_TO_RECOMMEND (23 characters), the basis of a response with an NPS answer and no
-- CSAT or expectation items, did not fit.
alter table response_evaluation alter column expectation_basis set data type varchar(40);
