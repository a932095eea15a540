//! Reading NDJSON a line at a time: each non-blank line becomes a pending descriptor,
//! numbered and located in its input, loaded later on the evaluating threads.
//!
//! Lines end at `\n`, `\r\n` (the `\r` is the loader's to drop) or a lone `\r` (old Mac
//! exports), the last line counts without a line break, a line that is not UTF-8 is an
//! invalid descriptor of its own rather than a reason to give up on the whole input, and a
//! line longer than the limit is one invalid descriptor, never held in memory whole.

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use clausier_data::files::{cannot_read, size_limit};
use clausier_data::load;
use clausier_diagnostics::Message;
use clausier_eval::stream::{NdjsonLine, Pending};

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
    /// The longest line read; a longer one is an invalid descriptor.
    max_line: usize,
}

/// One physical line as read.
struct RawLine {
    /// Bytes taken from the input, line break included.
    consumed: usize,
    /// Longer than the limit: its bytes were not kept.
    too_long: bool,
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
            max_line: usize::MAX,
        }
    }

    /// Makes every line longer than `max_line` bytes an invalid descriptor.
    pub fn with_max_line(mut self, max_line: usize) -> Self {
        self.max_line = max_line;
        self
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
            let raw = match self.read_line(&mut bytes) {
                Ok(Some(raw)) => raw,
                Ok(None) => {
                    self.done = true;
                    break;
                }
                Err(ReadError::Spool(error)) => return Err(error),
                Err(ReadError::Input(error)) => {
                    self.done = true;
                    let message = cannot_read(&self.source, &error);
                    chunk.push(Pending::Ready(load::unreadable(&self.source, message)));
                    break;
                }
            };
            let offset = self.offset;
            self.offset += raw.consumed;
            self.number = self.number.saturating_add(1);
            if raw.too_long {
                chunk.push(Pending::Ready(self.too_long()));
                continue;
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

impl<R: BufRead> NdjsonLines<R> {
    /// Reads the next line into `bytes`, without its line break but for the `\r` of a
    /// `\r\n`; `None` at the end of the input.
    fn read_line(&mut self, bytes: &mut Vec<u8>) -> Result<Option<RawLine>, ReadError> {
        let mut raw = RawLine {
            consumed: 0,
            too_long: false,
        };
        // A `\r` at the end of one buffer: a `\n` may start the next.
        let mut after_cr = false;
        loop {
            let buffer = match self.reader.fill_buf() {
                Ok(buffer) => buffer,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(ReadError::Input(error)),
            };
            if after_cr {
                if buffer.first() == Some(&b'\n') {
                    keep(bytes, b"\r", self.max_line, &mut raw.too_long);
                    spool(&mut self.spool, b"\n")?;
                    self.reader.consume(1);
                    raw.consumed += 1;
                }
                return Ok(Some(raw));
            }
            if buffer.is_empty() {
                return Ok((raw.consumed > 0).then_some(raw));
            }
            let (line, taken, ended) = match buffer.iter().position(|&b| b == b'\n' || b == b'\r') {
                None => (buffer, buffer.len(), false),
                Some(end) if buffer.get(end) == Some(&b'\n') => {
                    (buffer.get(..end).unwrap_or_default(), end + 1, true)
                }
                Some(end) => match buffer.get(end + 1) {
                    Some(b'\n') => (buffer.get(..=end).unwrap_or_default(), end + 2, true),
                    Some(_) => (buffer.get(..end).unwrap_or_default(), end + 1, true),
                    None => {
                        after_cr = true;
                        (buffer.get(..end).unwrap_or_default(), end + 1, false)
                    }
                },
            };
            keep(bytes, line, self.max_line, &mut raw.too_long);
            spool(&mut self.spool, buffer.get(..taken).unwrap_or_default())?;
            self.reader.consume(taken);
            raw.consumed += taken;
            if ended {
                return Ok(Some(raw));
            }
        }
    }

    fn too_long(&self) -> clausier_data::descriptor::Descriptor {
        let mut descriptor = load::unreadable(
            &self.source,
            Message::new("d0607-line-larger-than-limit")
                .with("line", self.number)
                .with("file", self.source.as_ref())
                .with("limit", size_limit::describe(self.max_line)),
        );
        descriptor.id = format!("{}:{}", descriptor.id, self.number);
        descriptor.line = Some(self.number);
        for problem in &mut descriptor.problems {
            problem.help = Some(size_limit::raise_help_message(self.max_line));
        }
        descriptor
    }
}

/// Appends `line` to `bytes` unless that makes them longer than `max`.
fn keep(bytes: &mut Vec<u8>, line: &[u8], max: usize, too_long: &mut bool) {
    if *too_long || bytes.len().saturating_add(line.len()) > max {
        *too_long = true;
        bytes.clear();
    } else {
        bytes.extend_from_slice(line);
    }
}

fn spool(spool: &mut Option<Box<dyn Write>>, bytes: &[u8]) -> Result<(), ReadError> {
    match spool {
        Some(spool) => spool
            .write_all(bytes)
            .map_err(|error| ReadError::Spool(SpoolError(error))),
        None => Ok(()),
    }
}

enum ReadError {
    Input(io::Error),
    Spool(SpoolError),
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
    fn a_lone_carriage_return_ends_a_line() {
        let read = lines(b"{\"a\": 1}\r{\"b\": 2}\r\r{\"c\": 3}\r");
        assert_eq!(
            read,
            [
                (1, 0, Ok("{\"a\": 1}".to_owned())),
                (2, 9, Ok("{\"b\": 2}".to_owned())),
                (4, 19, Ok("{\"c\": 3}".to_owned())),
            ]
        );
    }

    #[test]
    fn line_breaks_split_across_reads_are_one_break() {
        let input: &[u8] = b"{}\r\n{}\r{}";
        for capacity in 1..input.len() {
            let mut reader = NdjsonLines::new(io::BufReader::with_capacity(capacity, input), "-");
            let mut chunk = Vec::new();
            while reader.fill(&mut chunk, usize::MAX).unwrap() {}
            let numbers: Vec<u32> = chunk
                .iter()
                .map(|pending| match pending {
                    Pending::Line(line) => line.number,
                    Pending::Ready(descriptor) => panic!("unexpected {descriptor:?}"),
                })
                .collect();
            assert_eq!(numbers, [1, 2, 3], "buffer of {capacity} bytes");
            assert_eq!(reader.bytes_read(), input.len());
        }
    }

    #[test]
    fn a_line_over_the_limit_is_one_invalid_descriptor() {
        let mut reader = NdjsonLines::new(&b"{}\n{\"long\": \"xxxxxxxx\"}\n{}\n"[..], "lot.ndjson")
            .with_max_line(10);
        let mut chunk = Vec::new();
        while reader.fill(&mut chunk, usize::MAX).unwrap() {}
        assert_eq!(chunk.len(), 3);
        let Pending::Ready(descriptor) = &chunk[1] else {
            panic!("unexpected {:?}", chunk[1]);
        };
        assert_eq!(descriptor.line, Some(2));
        assert_eq!(
            descriptor.problems[0]
                .message
                .text(clausier_diagnostics::Lang::En),
            "line 2 of `lot.ndjson` is larger than 10 bytes, the largest descriptor read"
        );
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
