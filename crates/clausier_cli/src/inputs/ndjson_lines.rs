//! Reading NDJSON a line at a time: each non-blank line becomes a pending descriptor,
//! numbered and located in its input, loaded later on the evaluating threads.
//!
//! Lines are split on `\n` only (a `\r` before it is the loader's to drop), the last line
//! counts without a line break, and a line that is not UTF-8 is an invalid descriptor of
//! its own rather than a reason to give up on the whole input.

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use clausier_eval::load;
use clausier_eval::stream::{NdjsonLine, Pending};
use clausier_pack::describe_io_error;

/// The non-blank lines of one input, read in order.
pub struct NdjsonLines<R> {
    reader: R,
    source: Arc<str>,
    /// The number of the last line read, 1-based.
    number: u32,
    /// Bytes read so far: where the next line starts.
    offset: usize,
    /// Where every byte read is copied as well, to read standard input again.
    spool: Option<Box<dyn Write>>,
    done: bool,
}

impl<R: BufRead> NdjsonLines<R> {
    pub fn new(reader: R, source: &str) -> Self {
        Self {
            reader,
            source: Arc::from(source),
            number: 0,
            offset: 0,
            spool: None,
            done: false,
        }
    }

    /// Copies every byte read into `spool`.
    pub fn spooling_into(mut self, spool: Box<dyn Write>) -> Self {
        self.spool = Some(spool);
        self
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> usize {
        self.offset
    }

    /// Appends the pending descriptors of the next non-blank lines to `chunk` until it
    /// holds `limit`, or the input ends; returns false once the input has ended. An input
    /// that fails midway ends with one invalid descriptor that says why.
    pub fn fill(&mut self, chunk: &mut Vec<Pending>, limit: usize) -> Result<bool, SpoolError> {
        let mut bytes = Vec::new();
        while chunk.len() < limit && !self.done {
            bytes.clear();
            let read = match self.reader.read_until(b'\n', &mut bytes) {
                Ok(read) => read,
                Err(error) => {
                    self.done = true;
                    let message = format!(
                        "cannot read `{}`: {}",
                        self.source,
                        describe_io_error(&error)
                    );
                    chunk.push(Pending::Ready(load::unreadable(&self.source, message)));
                    break;
                }
            };
            if read == 0 {
                self.done = true;
                break;
            }
            if let Some(spool) = &mut self.spool {
                spool.write_all(&bytes).map_err(SpoolError)?;
            }
            let offset = self.offset;
            self.offset += read;
            self.number = self.number.saturating_add(1);
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
            }
            let text = match String::from_utf8(std::mem::take(&mut bytes)) {
                Ok(text) if NdjsonLine::is_blank(&text, offset) => continue,
                Ok(text) => Ok(text),
                Err(error) => Err(error.into_bytes()),
            };
            chunk.push(Pending::Line(NdjsonLine {
                source: Arc::clone(&self.source),
                number: self.number,
                offset,
                text,
            }));
        }
        if self.done
            && let Some(spool) = &mut self.spool
        {
            spool.flush().map_err(SpoolError)?;
        }
        Ok(!self.done)
    }
}

/// The copy of standard input could not be written (the temporary folder is full).
#[derive(Debug)]
pub struct SpoolError(pub io::Error);

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<(u32, usize, Result<String, Vec<u8>>)> {
        let mut reader = NdjsonLines::new(input, "lot.ndjson");
        let mut chunk = Vec::new();
        while reader.fill(&mut chunk, usize::MAX).unwrap() {}
        chunk
            .into_iter()
            .map(|pending| match pending {
                Pending::Line(line) => (line.number, line.offset, line.text),
                Pending::Ready(descriptor) => panic!("unexpected {descriptor:?}"),
            })
            .collect()
    }

    #[test]
    fn blank_lines_are_counted_but_hold_no_descriptor() {
        let read = lines(b"\xef\xbb\xbf\r\n{\"a\": 1}\r\n  \n\n{\"b\": 2}");
        assert_eq!(
            read,
            [
                (2, 5, Ok("{\"a\": 1}\r".to_owned())),
                (5, 19, Ok("{\"b\": 2}".to_owned())),
            ]
        );
    }

    #[test]
    fn a_line_that_is_not_utf8_is_kept_as_bytes() {
        let read = lines(b"{}\n{\"a\": \"\xe9\"}\n{}\n");
        assert_eq!(read.len(), 3);
        assert_eq!(read[1].2, Err(b"{\"a\": \"\xe9\"}".to_vec()));
        assert_eq!(read[2].0, 3);
    }

    #[test]
    fn the_spool_holds_every_byte_read() {
        let input = b"{}\n\n{\"x\": 1}";
        let copy = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
        impl Write for Shared {
            fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
                self.0.borrow_mut().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut reader = NdjsonLines::new(&input[..], "-")
            .spooling_into(Box::new(Shared(std::rc::Rc::clone(&copy))));
        let mut chunk = Vec::new();
        while reader.fill(&mut chunk, 1).unwrap() {
            chunk.clear();
        }
        assert_eq!(copy.borrow().as_slice(), input);
    }
}
