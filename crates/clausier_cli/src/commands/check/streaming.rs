//! `check` over NDJSON in memory that does not grow with the input: the inputs are read
//! in chunks, once per pass the pack needs (see `clausier_eval::stream`), and the JSON or
//! NDJSON report is written as each chunk's results are final, with the bytes the
//! whole-report renderers give.

use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Seek, SeekFrom};
use std::path::Path;
use std::time::SystemTime;

use clausier_data::files::io_error_message;
use clausier_data::files::{Input, STDIN_SOURCE};
use clausier_data::load::LoadOptions;
use clausier_diagnostics::{Code, Message};
use clausier_eval::Program;
use clausier_eval::RunOptions;
use clausier_eval::report::{PackInfo, Summary};
use clausier_eval::stream::{Pass, Pending, StreamCheck};
use clausier_i18n::Lang;
use clausier_report::check::{
    json_entry, json_head, json_separator, json_tail, ndjson_line, ndjson_summary_line,
};

use super::duplicate_ids::DuplicateIds;
use super::progress::Progress;
use crate::error::CliError;
use crate::inputs::{self, NdjsonLines, SpoolError};
use crate::output::ReportSink;

/// The formats written as the run goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamFormat {
    Json,
    Ndjson,
}

/// What a streamed run checks and where its report goes.
pub struct StreamRun<'a> {
    pub inputs: &'a [Input],
    pub program: &'a Program,
    pub pack: PackInfo,
    pub options: RunOptions,
    pub load_options: LoadOptions,
    pub format: StreamFormat,
    pub output: Option<&'a Path>,
    /// The longest NDJSON line read; a longer one is an invalid descriptor.
    pub max_descriptor_size: usize,
    /// No warnings on standard error.
    pub quiet: bool,
    /// The language of what is said on standard error.
    pub lang: Lang,
}

/// Descriptors per chunk: enough to keep every thread busy, few enough that a chunk's
/// lines and renderings stay a few megabytes.
fn chunk_size(jobs: usize) -> usize {
    jobs.saturating_mul(256).clamp(1024, 8192)
}

/// Checks the inputs and writes the report; the summary sets the exit status.
pub fn check(run: &StreamRun<'_>, progress: &mut Progress) -> Result<Summary, CliError> {
    // An output that cannot be written fails before the work, not after.
    let mut sink = ReportSink::open(run.output)?;
    let mut check = StreamCheck::new(run.program, &run.options, run.load_options);
    let passes = check.passes();
    let mut reader = Reader::new(run.inputs, passes.len() > 1, run.max_descriptor_size)?;
    let chunk_size = chunk_size(run.options.jobs);
    let mut chunk = Vec::with_capacity(chunk_size);
    let mut descriptors: Option<u64> = None;
    for (index, pass) in passes.iter().enumerate() {
        check.begin(*pass);
        progress.step(
            format!("{}/{} {}", index + 1, passes.len(), step_name(*pass)),
            descriptors,
        );
        let mut writer = EntryWriter::new(run.format);
        let mut ids = DuplicateIds::new();
        if *pass == Pass::Results {
            writer.head = Some(writer.render_head(&check.report_shell(run.pack.clone()))?);
        }
        let mut seen: u64 = 0;
        for (input_index, input) in run.inputs.iter().enumerate() {
            let mut lines = reader.open(input, input_index, index)?;
            loop {
                chunk.clear();
                let more = lines.fill(&mut chunk, chunk_size)?;
                feed(&mut check, &chunk, &mut writer, &mut ids, &mut sink)?;
                let read = u64::try_from(chunk.len()).unwrap_or(u64::MAX);
                seen = seen.saturating_add(read);
                progress.advance(read);
                if descriptors.is_none()
                    && let Some(estimate) = reader.estimate(seen, lines.bytes_read())
                {
                    progress.estimate(estimate);
                }
                if !more {
                    break;
                }
            }
            reader.done_with(lines);
        }
        descriptors = Some(seen);
        // Nothing of the report is written yet: the head waits for the first entry.
        if seen == 0 {
            progress.finish();
            return Err(inputs::no_descriptor());
        }
        if *pass == Pass::Results {
            sink.write(&writer.tail(&check.report_shell(run.pack.clone()))?)?;
            ids.warn(run.quiet, run.lang);
        }
    }
    progress.finish();
    sink.finish()?;
    Ok(check.summary())
}

/// Gives a chunk to the pass under way; in the last, writes the chunk's entries.
fn feed(
    check: &mut StreamCheck<'_>,
    chunk: &[Pending],
    writer: &mut EntryWriter,
    ids: &mut DuplicateIds,
    sink: &mut ReportSink,
) -> Result<(), CliError> {
    match check.pass() {
        Pass::Survey => check.survey(chunk),
        Pass::Scores => check.score(chunk),
        Pass::Results => {
            let format = writer.format;
            let rendered = check.results(chunk, |report| {
                (
                    report.input,
                    report.id.clone(),
                    report.source.clone(),
                    format.render(report),
                )
            });
            for (input, id, source, text) in rendered {
                ids.note_entry(input, &id, &source);
                sink.write(&writer.entry(text?))?;
            }
            // A reader of standard output sees each chunk's lines as soon as they are final.
            sink.flush()?;
        }
    }
    Ok(())
}

fn step_name(pass: Pass) -> &'static str {
    match pass {
        Pass::Survey => "checking",
        Pass::Scores => "scoring",
        Pass::Results => "reporting",
    }
}

impl StreamFormat {
    /// One entry's text, rendered on the evaluating thread.
    fn render(self, report: &clausier_eval::report::DescriptorReport) -> Result<String, CliError> {
        match self {
            StreamFormat::Json => json_entry(report).map_err(|error| cannot_render(self, &error)),
            StreamFormat::Ndjson => {
                ndjson_line(report).map_err(|error| cannot_render(self, &error))
            }
        }
    }

    fn name(self) -> &'static str {
        match self {
            StreamFormat::Json => "JSON",
            StreamFormat::Ndjson => "NDJSON",
        }
    }
}

fn cannot_render(format: StreamFormat, error: &serde_json::Error) -> CliError {
    CliError::new(
        Message::new("e09-cannot-render-report")
            .with("format", format.name())
            .with("reason", error.to_string()),
    )
}

/// Joins the entries: what goes before, between and after them.
struct EntryWriter {
    format: StreamFormat,
    entries: usize,
    /// What goes before the first entry, written with it: a run without any descriptor
    /// writes nothing.
    head: Option<String>,
}

impl EntryWriter {
    fn new(format: StreamFormat) -> Self {
        Self {
            format,
            entries: 0,
            head: None,
        }
    }

    fn render_head(&self, shell: &clausier_eval::report::Report) -> Result<String, CliError> {
        match self.format {
            StreamFormat::Json => {
                json_head(shell).map_err(|error| cannot_render(self.format, &error))
            }
            StreamFormat::Ndjson => Ok(String::new()),
        }
    }

    fn entry(&mut self, mut text: String) -> String {
        if self.format == StreamFormat::Json {
            text.insert_str(0, json_separator(self.entries == 0));
        }
        if let Some(head) = self.head.take() {
            text.insert_str(0, &head);
        }
        self.entries += 1;
        text
    }

    fn tail(&self, shell: &clausier_eval::report::Report) -> Result<String, CliError> {
        match self.format {
            StreamFormat::Json => json_tail(shell, self.entries > 0),
            StreamFormat::Ndjson => ndjson_summary_line(shell),
        }
        .map_err(|error| cannot_render(self.format, &error))
    }
}

/// An input's size and time of change; `None` when they cannot be read.
type Fingerprint = Option<(u64, Option<SystemTime>)>;

/// Opens each input once per pass: files again from their start, standard input from the
/// copy the first pass kept of it.
struct Reader {
    /// The copy of standard input, when it is read again.
    spool: Option<File>,
    /// Each input's size and time of change when the first pass opened it.
    first_seen: Vec<Fingerprint>,
    /// The size of every input, when all are files: to estimate the first pass's length.
    total_bytes: Option<u64>,
    bytes_before: u64,
    max_line: usize,
}

impl Reader {
    fn new(inputs: &[Input], read_again: bool, max_line: usize) -> Result<Self, CliError> {
        let reads_stdin = inputs.iter().any(|input| matches!(input, Input::Stdin));
        let spool = match read_again && reads_stdin {
            true => Some(tempfile::tempfile().map_err(|error| cannot_spool(&error))?),
            false => None,
        };
        let total_bytes = inputs.iter().try_fold(0_u64, |total, input| match input {
            Input::Stdin => None,
            Input::File { path, .. } => fs::metadata(path)
                .ok()
                .map(|metadata| total.saturating_add(metadata.len())),
            Input::Unreadable { .. } => Some(total),
        });
        Ok(Self {
            spool,
            first_seen: vec![None; inputs.len()],
            total_bytes,
            bytes_before: 0,
            max_line,
        })
    }

    fn open(&mut self, input: &Input, input_index: usize, pass: usize) -> Result<Lines, CliError> {
        match input {
            Input::Unreadable { source, message } => Ok(Lines::Ready(Some(Pending::Ready(
                clausier_data::load::unreadable(source, message.clone()),
            )))),
            Input::File { path, source } => {
                self.check_unchanged(path, source, input_index, pass)?;
                Ok(match inputs::open_ndjson(path, source, self.max_line) {
                    Ok(lines) => Lines::File(lines),
                    Err(descriptor) => Lines::Ready(Some(Pending::Ready(*descriptor))),
                })
            }
            Input::Stdin => match (&mut self.spool, pass) {
                (Some(spool), 0) => {
                    let copy = spool.try_clone().map_err(|error| cannot_spool(&error))?;
                    Ok(Lines::Stdin(
                        NdjsonLines::new(io::stdin().lock(), STDIN_SOURCE)
                            .with_max_line(self.max_line)
                            .spooling_into(Box::new(BufWriter::new(copy))),
                    ))
                }
                (Some(spool), _) => {
                    spool
                        .seek(SeekFrom::Start(0))
                        .map_err(|error| cannot_spool(&error))?;
                    let copy = spool.try_clone().map_err(|error| cannot_spool(&error))?;
                    Ok(Lines::File(
                        NdjsonLines::new(BufReader::new(copy), STDIN_SOURCE)
                            .with_max_line(self.max_line),
                    ))
                }
                (None, _) => Ok(Lines::Stdin(
                    NdjsonLines::new(io::stdin().lock(), STDIN_SOURCE).with_max_line(self.max_line),
                )),
            },
        }
    }

    /// A file that changes between passes would mix two inputs in one report.
    fn check_unchanged(
        &mut self,
        path: &Path,
        source: &str,
        input_index: usize,
        pass: usize,
    ) -> Result<(), CliError> {
        let now = fs::metadata(path)
            .ok()
            .map(|metadata| (metadata.len(), metadata.modified().ok()));
        let Some(first) = self.first_seen.get_mut(input_index) else {
            return Ok(());
        };
        if pass == 0 {
            *first = now;
        } else if *first != now {
            return Err(
                CliError::new(Message::new("e09-input-changed").with("file", source))
                    .with_code(Code::IO)
                    .with_help(Message::new("e09-help-check-a-copy")),
            );
        }
        Ok(())
    }

    fn done_with(&mut self, lines: Lines) {
        self.bytes_before = self.bytes_before.saturating_add(lines.bytes_read());
    }

    /// The first pass's length, from the share of the bytes read so far.
    fn estimate(&self, descriptors: u64, bytes_in_input: u64) -> Option<u64> {
        let total = self.total_bytes?;
        let read = self.bytes_before.saturating_add(bytes_in_input);
        (read > 0).then(|| {
            let estimate = u128::from(descriptors) * u128::from(total) / u128::from(read);
            u64::try_from(estimate).unwrap_or(u64::MAX)
        })
    }
}

fn cannot_spool(error: &io::Error) -> CliError {
    CliError::new(Message::new("e09-cannot-spool-stdin").with("reason", io_error_message(error)))
        .with_code(Code::IO)
        .with_help(Message::new("e09-help-tmpdir"))
}

/// One input's pending descriptors, whatever it is read from.
enum Lines {
    File(NdjsonLines<BufReader<File>>),
    Stdin(NdjsonLines<io::StdinLock<'static>>),
    /// An input that is one descriptor known in advance.
    Ready(Option<Pending>),
}

impl Lines {
    /// Fills `chunk` up to `limit` descriptors; false once the input has ended.
    fn fill(&mut self, chunk: &mut Vec<Pending>, limit: usize) -> Result<bool, CliError> {
        let filled = match self {
            Lines::File(lines) => lines.fill(chunk, limit),
            Lines::Stdin(lines) => lines.fill(chunk, limit),
            Lines::Ready(pending) => {
                chunk.extend(pending.take());
                Ok(false)
            }
        };
        filled.map_err(|SpoolError(error)| cannot_spool(&error))
    }

    fn bytes_read(&self) -> u64 {
        let bytes = match self {
            Lines::File(lines) => lines.bytes_read(),
            Lines::Stdin(lines) => lines.bytes_read(),
            Lines::Ready(_) => 0,
        };
        u64::try_from(bytes).unwrap_or(u64::MAX)
    }
}
