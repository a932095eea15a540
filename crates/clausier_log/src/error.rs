//! What can go wrong with a log, in terms the command line words for a buyer.

use std::fmt;

#[derive(Debug)]
pub enum LogError {
    /// The file or database exists but is not a Clausier log (another program's
    /// database, or not a database at all).
    NotALog { location: String, reason: String },
    /// The PostgreSQL server could not be reached or refused the connection.
    Connect { location: String, reason: String },
    /// The database failed while reading or writing.
    Database { reason: String },
}

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LogError::NotALog { location, reason } => {
                write!(f, "`{location}` is not a Clausier log: {reason}")
            }
            LogError::Connect { location, reason } => {
                write!(f, "cannot connect to `{location}`: {reason}")
            }
            LogError::Database { reason } => write!(f, "database error: {reason}"),
        }
    }
}

impl std::error::Error for LogError {}

impl From<rusqlite::Error> for LogError {
    fn from(error: rusqlite::Error) -> Self {
        LogError::Database {
            reason: error.to_string(),
        }
    }
}

impl From<postgres::Error> for LogError {
    fn from(error: postgres::Error) -> Self {
        LogError::Database {
            reason: error.to_string(),
        }
    }
}
