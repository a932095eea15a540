//! Why a computation has no value, in the words and codes of the diagnostics catalogue:
//! a division by zero (R0702), a result out of range (R0703), a `mean`, `min` or
//! `max` of an empty list (R0705), a key a table has no entry for (R0706), hours added
//! to a date (R0707), or a business duration that ends before it starts or whose hours
//! close before they open (R0708). The evaluator only
//! knows that the value is unknown; the explainer asks the operation again for the
//! reason, off the fast path.

use clausier_check::business_time::BusinessTimeError;
use clausier_check::list_aggregates::ListAggregateError;
use clausier_check::ops::{self, OpError};
use clausier_check::types::Schema;
use clausier_diagnostics::Code;

use crate::eval::Scope;
use crate::program::{Code as Arena, Node, NodeId};
use crate::report::Reason;

/// The reason an arithmetic node whose operands are known has no value; `None` for any
/// other node.
pub(crate) fn reason(
    code: &Arena,
    schema: &Schema,
    id: NodeId,
    scope: Scope<'_>,
    expr: String,
) -> Option<Reason> {
    let error = match code.node(id)? {
        Node::Index(table, key) => {
            let (table, key) = (code.value(table, scope)?, code.value(key, scope)?);
            if table.map_entry(&key).is_some() {
                return None;
            }
            let key = key.display(schema).to_string();
            return Some(Reason {
                code: Code::NO_TABLE_ENTRY.as_str().to_owned(),
                message: format!("the table has no entry for {key}"),
                message_id: "reason-no-table-entry",
                key: Some(key),
                expr,
            });
        }
        Node::Arith(op, lhs, rhs) => {
            let lhs = code.value(lhs, scope)?;
            let rhs = code.value(rhs, scope)?;
            ops::arith(op, &lhs, &rhs).err()?
        }
        Node::Neg(operand) => {
            let operand = code.value(operand, scope)?;
            ops::negate(&operand).err()?
        }
        Node::BusinessDuration(args) => {
            let error = code.business_duration(args, scope)?.err()?;
            return Some(Reason {
                code: Code::NO_BUSINESS_DURATION.as_str().to_owned(),
                message: error.message().to_owned(),
                message_id: match error {
                    BusinessTimeError::EndBeforeStart => "reason-business-end-before-start",
                    BusinessTimeError::ClosesBeforeOpening => "reason-business-closes-first",
                    BusinessTimeError::Overflow => "reason-out-of-range",
                },
                key: None,
                expr,
            });
        }
        Node::ListAggregate { .. } => match code.list_aggregate(id, scope)?.err()? {
            ListAggregateError::Empty => {
                return Some(Reason {
                    code: Code::EMPTY_AGGREGATE.as_str().to_owned(),
                    message: "aggregate of an empty list".to_owned(),
                    message_id: "reason-empty-aggregate",
                    key: None,
                    expr,
                });
            }
            ListAggregateError::Op(error) => error,
        },
        _ => return None,
    };
    let (code, message, message_id) = match error {
        OpError::DivisionByZero => (
            Code::DIVISION_BY_ZERO,
            "division by zero",
            "reason-division-by-zero",
        ),
        OpError::Overflow => (Code::OVERFLOW, "value out of range", "reason-out-of-range"),
        OpError::TimeOnDate => (
            Code::TIME_ON_DATE,
            "hours or minutes added to a date",
            "reason-time-on-date",
        ),
        OpError::Types => return None,
    };
    Some(Reason {
        code: code.as_str().to_owned(),
        message: message.to_owned(),
        message_id,
        key: None,
        expr,
    })
}
