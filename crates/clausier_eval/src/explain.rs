//! Why a requirement failed or is missing, in terms of the descriptor.
//!
//! This is the slow path, taken only for failed or unknown clauses: it re-evaluates
//! sub-expressions with the same evaluator to find the smallest failing ones, and
//! follows each bound element back to its place in the descriptor (`subprocessors[2]`)
//! so that the values it quotes can be located in the file.
//!
//! An `or` and an `any` that nothing satisfies are explained as one group of
//! alternatives, since the requirement needed only one of them; the text quoted for an
//! element names the element's place (`subprocessors[1].region`), never its variable.

use std::borrow::Cow;
use std::cmp::Ordering;

use clausier_check::ops;
use clausier_check::value::Value;
use clausier_diagnostics::{Lang, Message, stack};
use clausier_syntax::ast::QuantifierKind;

use crate::claim::{claim, shown};
use crate::eval::{Binding, Scope};
use crate::program::{Node, NodeId, PathRoot, Program, TextNodeCheck};
use crate::reason::reason;
use crate::report::{Alternative, ElementRef, Explanation, Reason, Shown};
use clausier_data::descriptor::{Descriptor, PathStep};

/// How many failing elements of an `all` are explained one by one.
const SHOWN_ELEMENTS: usize = 5;

/// Where a value sits in the descriptor: the path a report prints and, when the value
/// came from the descriptor, the steps that locate it.
#[derive(Debug, Clone)]
struct Place {
    text: String,
    steps: Option<Vec<PathStep>>,
}

impl Place {
    fn element(&self, index: usize) -> Place {
        let position = u32::try_from(index).unwrap_or(u32::MAX);
        Place {
            text: format!("{}[{index}]", self.text),
            steps: self.steps.as_ref().map(|steps| {
                let mut steps = steps.clone();
                steps.push(PathStep::Index(position));
                steps
            }),
        }
    }
}

/// A descriptor value a leaf read.
struct Read {
    place: Place,
    value: Option<String>,
    /// The value, for the reports that write it in the reader's language.
    shown: Option<Shown>,
    /// For a list a `count(x in xs: p)` reads: the places of the elements it counts.
    counted: Option<Vec<String>>,
}

/// What leaves a value unknown: the absent descriptor paths, and the computations that
/// have no value.
#[derive(Debug, Default)]
pub(crate) struct Unknown {
    pub paths: Vec<String>,
    pub reasons: Vec<Reason>,
}

pub(crate) struct Explainer<'a> {
    program: &'a Program,
    descriptor: &'a Descriptor,
    /// The place of each bound element, innermost last; `None` for an element of a
    /// computed collection.
    places: Vec<(u32, Option<Place>)>,
    /// The element each enclosing quantifier explains, innermost last.
    elements: Vec<ElementRef>,
}

impl<'a> Explainer<'a> {
    pub fn new(program: &'a Program, descriptor: &'a Descriptor) -> Self {
        Self {
            program,
            descriptor,
            places: Vec::new(),
            elements: Vec::new(),
        }
    }

    /// The explanation of a boolean node that evaluated to false.
    pub fn explain_failure(&mut self, id: NodeId, scope: Scope<'_>) -> Vec<Explanation> {
        let mut out = Vec::new();
        self.explain_false(id, scope, &mut out);
        out
    }

    /// Why a node is unknown: the absent descriptor paths, sorted (list indexes in
    /// numeric order) and deduplicated, and the computations without a value, in source
    /// order.
    pub fn unknown(&mut self, id: NodeId, scope: Scope<'_>) -> Unknown {
        let mut out = Unknown::default();
        self.collect_missing(id, scope, &mut out);
        out.paths.sort_by(|a, b| natural_order(a, b));
        out.paths.dedup();
        out
    }

    fn explain_false(&mut self, id: NodeId, scope: Scope<'_>, out: &mut Vec<Explanation>) {
        stack::deep(|| self.explain_false_node(id, scope, out));
    }

    fn explain_false_node(&mut self, id: NodeId, scope: Scope<'_>, out: &mut Vec<Explanation>) {
        let code = &self.program.code;
        let Some(node) = code.node(id) else {
            return;
        };
        match node {
            Node::And(..) => {
                for operand in self.operands(id, Chain::And) {
                    if code.truth(operand, scope) == Some(false) {
                        self.explain_false(operand, scope, out);
                    }
                }
            }
            Node::Or(..) => self.explain_or(id, scope, out),
            Node::Implies(_, consequent) => self.explain_false(consequent, scope, out),
            Node::If(cond, then_branch, else_branch) => match code.truth(cond, scope) {
                Some(true) => self.explain_false(then_branch, scope, out),
                Some(false) => self.explain_false(else_branch, scope, out),
                None => self.leaf(id, scope, out),
            },
            Node::Quantifier {
                kind: QuantifierKind::All,
                slot,
                collection,
                body,
            } => self.explain_all(id, slot, collection, body, scope, out),
            Node::Quantifier {
                kind: QuantifierKind::Any,
                slot,
                collection,
                body,
            } => self.explain_any(id, slot, collection, body, scope, out),
            _ => self.leaf(id, scope, out),
        }
    }

    /// An `or` is false: one item whose alternatives are its operands, each with why it
    /// fails (a chain `a or b or c` gives three).
    fn explain_or(&mut self, id: NodeId, scope: Scope<'_>, out: &mut Vec<Explanation>) {
        let operands = self.operands(id, Chain::Or);
        let mut alternatives = Vec::with_capacity(operands.len());
        for operand in operands {
            let mut explanation = Vec::new();
            self.explain_false(operand, scope, &mut explanation);
            alternatives.push(Alternative {
                expr: self.text(operand),
                element: None,
                explanation,
            });
        }
        let mut item = self.item(id, None, None);
        item.alternatives = alternatives;
        out.push(item);
    }

    /// The operands of the chain of one connective rooted at `id`, in source order. A
    /// chain is as deep as it is long: it is taken apart without recursion, and each
    /// operand is then valued once.
    fn operands(&self, id: NodeId, chain: Chain) -> Vec<NodeId> {
        let code = &self.program.code;
        let mut operands = Vec::new();
        let mut pending = vec![id];
        while let Some(id) = pending.pop() {
            match (chain, code.node(id)) {
                (Chain::And, Some(Node::And(lhs, rhs)))
                | (Chain::Or, Some(Node::Or(lhs, rhs)))
                | (Chain::Implies, Some(Node::Implies(lhs, rhs))) => pending.extend([rhs, lhs]),
                _ => operands.push(id),
            }
        }
        operands
    }

    /// `any x in xs: p` is false: the list, with the first elements as alternatives,
    /// each with why `p` fails for it.
    fn explain_any(
        &mut self,
        id: NodeId,
        slot: u32,
        collection: NodeId,
        body: NodeId,
        scope: Scope<'_>,
        out: &mut Vec<Explanation>,
    ) {
        let code = &self.program.code;
        let Some(items) = code.value(collection, scope) else {
            return self.explain_whole_collection(id, collection, scope, out);
        };
        let Value::List(items) = items.as_ref() else {
            return self.explain_whole_collection(id, collection, scope, out);
        };
        let place = self.place_of(collection);
        let mut alternatives = Vec::new();
        for (index, item) in items.iter().enumerate().take(SHOWN_ELEMENTS) {
            let binding = Binding {
                slot,
                value: item,
                outer: scope.bindings,
            };
            let inner = scope.with(&binding);
            let element = place.as_ref().map(|place| element_ref("any", place, index));
            let mut explanation = Vec::new();
            self.enter(slot, place.as_ref(), index, element.clone());
            self.explain_false(body, inner, &mut explanation);
            let expr = self.text(body);
            self.leave(element.is_some());
            alternatives.push(Alternative {
                expr,
                element,
                explanation,
            });
        }
        let value = Some(self.display(&Value::List(items.clone())));
        let mut item = self.item(id, place, value);
        item.alternatives = alternatives;
        out.push(item);
    }

    /// Binds the element `index` of a list at `place` for the texts and paths quoted
    /// while explaining it.
    fn enter(
        &mut self,
        slot: u32,
        place: Option<&Place>,
        index: usize,
        element: Option<ElementRef>,
    ) {
        self.places
            .push((slot, place.map(|place| place.element(index))));
        self.elements.extend(element);
    }

    fn leave(&mut self, had_element: bool) {
        self.places.pop();
        if had_element {
            self.elements.pop();
        }
    }

    /// `all x in xs: p` is false: explains `p` for the first failing elements.
    fn explain_all(
        &mut self,
        id: NodeId,
        slot: u32,
        collection: NodeId,
        body: NodeId,
        scope: Scope<'_>,
        out: &mut Vec<Explanation>,
    ) {
        let code = &self.program.code;
        let Some(items) = code.value(collection, scope) else {
            return self.leaf(id, scope, out);
        };
        let Value::List(items) = items.as_ref() else {
            return self.leaf(id, scope, out);
        };
        let place = self.place_of(collection);
        let mut more = 0usize;
        let mut shown = 0usize;
        for (index, item) in items.iter().enumerate() {
            let binding = Binding {
                slot,
                value: item,
                outer: scope.bindings,
            };
            let inner = scope.with(&binding);
            if code.truth(body, inner) != Some(false) {
                continue;
            }
            if shown == SHOWN_ELEMENTS {
                more += 1;
                continue;
            }
            shown += 1;
            let element = place.as_ref().map(|place| element_ref("all", place, index));
            let had_element = element.is_some();
            self.enter(slot, place.as_ref(), index, element);
            self.explain_false(body, inner, out);
            self.leave(had_element);
        }
        if more > 0 {
            let noun = if more == 1 { "element" } else { "elements" };
            let summary = format!("{more} more failing {noun}");
            out.push(self.item(id, place, Some(summary)));
        }
    }

    /// One item for a whole quantifier: the collection's path and value.
    fn explain_whole_collection(
        &mut self,
        id: NodeId,
        collection: NodeId,
        scope: Scope<'_>,
        out: &mut Vec<Explanation>,
    ) {
        let value = self
            .program
            .code
            .value(collection, scope)
            .map(|value| self.display(&value));
        let place = self.place_of(collection);
        out.push(self.item(id, place, value));
    }

    /// One item per descriptor value the sub-expression read, or one without a path
    /// when it read none.
    fn leaf(&mut self, id: NodeId, scope: Scope<'_>, out: &mut Vec<Explanation>) {
        let mut reads: Vec<Read> = Vec::new();
        self.collect_reads(id, scope, &mut reads);
        let mut seen: Vec<String> = Vec::new();
        let before = out.len();
        let claim = match reads.as_slice() {
            [_] => claim(
                &self.program.code,
                &self.program.schema,
                id,
                scope,
                |node| self.place_of(node).is_some(),
            ),
            _ => None,
        };
        for read in reads {
            if seen.contains(&read.place.text) {
                continue;
            }
            seen.push(read.place.text.clone());
            let mut item = self.item(id, Some(read.place), read.value);
            item.counted = read.counted;
            item.observed = read.shown;
            item.claim = claim.clone();
            out.push(item);
        }
        if out.len() == before {
            out.push(self.item(id, None, None));
        }
    }

    fn item(&self, id: NodeId, place: Option<Place>, value: Option<String>) -> Explanation {
        let loc = place
            .as_ref()
            .and_then(|place| place.steps.as_deref())
            .and_then(|steps| {
                self.descriptor
                    .locations
                    .get_with(&self.program.schema, steps)
            });
        let words_id = self.text_check_words(id);
        Explanation {
            expr: self.text(id),
            path: place.map(|place| place.text),
            value,
            line: loc.map(|loc| loc.line),
            column: loc.map(|loc| loc.column),
            alternatives: Vec::new(),
            element: self.elements.last().cloned(),
            counted: None,
            words: words_id.map(|id| Message::new(id).text(Lang::En)),
            observed: None,
            claim: None,
            words_id,
            in_words: None,
        }
    }

    /// What a failing text check says the text is not. Only a check that is itself
    /// explained is worded: under a `not`, the check held.
    /// The catalogue id of those words; the JSON report gives them in English.
    fn text_check_words(&self, id: NodeId) -> Option<&'static str> {
        let Some(Node::TextCheck { check, .. }) = self.program.code.node(id) else {
            return None;
        };
        Some(match check {
            TextNodeCheck::Matches(_) => "explain-pattern-not-found",
            TextNodeCheck::Siret => "explain-not-siret",
            TextNodeCheck::Uai => "explain-not-uai",
            TextNodeCheck::HttpsUrl => "explain-not-https",
        })
    }

    /// The text of a node, each variable bound outside it replaced by the place of the
    /// element being explained (`subprocessors[1]`) when that element is in the
    /// descriptor.
    fn text(&self, id: NodeId) -> String {
        let text = self.program.text(id);
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for mark in self.program.free_locals(id) {
            let Some(place) = self.bound_place(mark.slot) else {
                continue;
            };
            out.push_str(text.get(at..mark.start).unwrap_or_default());
            out.push_str(&place.text);
            at = mark.end;
        }
        out.push_str(text.get(at..).unwrap_or_default());
        out
    }

    /// The descriptor values a sub-expression reads, in source order. A conditional
    /// reads its condition and the branch it takes; a quantifier or `count` inside a
    /// leaf is quoted by its collection.
    fn collect_reads(&self, id: NodeId, scope: Scope<'_>, reads: &mut Vec<Read>) {
        stack::deep(|| self.collect_node_reads(id, scope, reads));
    }

    fn collect_node_reads(&self, id: NodeId, scope: Scope<'_>, reads: &mut Vec<Read>) {
        let code = &self.program.code;
        let Some(node) = code.node(id) else {
            return;
        };
        match node {
            Node::Field(path) | Node::Has(path) => {
                let read = code.read(path, scope);
                if let Some(place) = self.place_of_path(path) {
                    reads.push(Read {
                        place,
                        value: read.map(|value| self.display(value)),
                        shown: read.map(|value| shown(value, &self.program.schema)),
                        counted: None,
                    });
                }
            }
            Node::Local(slot) => {
                if let Some(place) = self.bound_place(slot) {
                    let read = scope.local(slot);
                    reads.push(Read {
                        place,
                        value: read.map(|value| self.display(value)),
                        shown: read.map(|value| shown(value, &self.program.schema)),
                        counted: None,
                    });
                }
            }
            Node::If(cond, then_branch, else_branch) => {
                self.collect_reads(cond, scope, reads);
                match code.truth(cond, scope) {
                    Some(true) => self.collect_reads(then_branch, scope, reads),
                    Some(false) => self.collect_reads(else_branch, scope, reads),
                    None => {}
                }
            }
            Node::Quantifier { collection, .. }
            | Node::Count {
                collection,
                filter: None,
            } => {
                self.collect_reads(collection, scope, reads);
            }
            Node::Count {
                collection,
                filter: Some((slot, condition)),
            } => {
                let before = reads.len();
                self.collect_reads(collection, scope, reads);
                if reads.len() == before + 1
                    && let Some(read) = reads.last_mut()
                {
                    read.counted = self.counted(slot, collection, condition, &read.place, scope);
                }
            }
            // The aggregate's own value, which is what the comparison read: its elements
            // may be many.
            Node::ListAggregate { collection, .. } => match code.value(id, scope) {
                Some(value) => reads.push(Read {
                    place: Place {
                        text: self.text(id),
                        steps: None,
                    },
                    value: Some(self.display(&value)),
                    shown: Some(shown(&value, &self.program.schema)),
                    counted: None,
                }),
                None => self.collect_reads(collection, scope, reads),
            },
            _ => code.for_each_child(id, |child| self.collect_reads(child, scope, reads)),
        }
    }

    /// The places of the elements of a descriptor list that `count(x in xs: p)`
    /// counts; `None` when the list is unknown.
    fn counted(
        &self,
        slot: u32,
        collection: NodeId,
        condition: NodeId,
        place: &Place,
        scope: Scope<'_>,
    ) -> Option<Vec<String>> {
        let code = &self.program.code;
        let items = code.value(collection, scope)?;
        let Value::List(items) = items.as_ref() else {
            return None;
        };
        let mut counted = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let binding = Binding {
                slot,
                value: item,
                outer: scope.bindings,
            };
            if code.truth(condition, scope.with(&binding)) == Some(true) {
                counted.push(place.element(index).text);
            }
        }
        Some(counted)
    }

    /// Gathers the absent paths and the failed computations under a node whose value is
    /// unknown.
    fn collect_missing(&mut self, id: NodeId, scope: Scope<'_>, out: &mut Unknown) {
        stack::deep(|| self.collect_node_missing(id, scope, out));
    }

    fn collect_node_missing(&mut self, id: NodeId, scope: Scope<'_>, out: &mut Unknown) {
        let code = &self.program.code;
        let Some(node) = code.node(id) else {
            return;
        };
        match node {
            Node::Field(path) => {
                if code.read(path, scope).is_none()
                    && let Some(place) = self.place_of_path(path)
                {
                    out.paths.push(place.text);
                }
            }
            Node::If(cond, then_branch, else_branch) => match code.truth(cond, scope) {
                None => self.collect_missing(cond, scope, out),
                Some(true) => self.collect_missing(then_branch, scope, out),
                Some(false) => self.collect_missing(else_branch, scope, out),
            },
            Node::Quantifier {
                slot,
                collection,
                body,
                ..
            } => self.missing_in_elements(slot, collection, body, scope, out),
            Node::Count {
                collection,
                filter: Some((slot, condition)),
            } => self.missing_in_elements(slot, collection, condition, scope, out),
            Node::And(..) | Node::Or(..) | Node::Implies(..) => {
                let chain = match node {
                    Node::And(..) => Chain::And,
                    Node::Or(..) => Chain::Or,
                    _ => Chain::Implies,
                };
                for operand in self.operands(id, chain) {
                    if code.value(operand, scope).is_none() {
                        self.collect_missing(operand, scope, out);
                    }
                }
            }
            Node::Arith(..) => self.missing_in_arithmetic(id, scope, out),
            Node::ListAggregate {
                collection,
                projection,
                ..
            } => {
                match projection {
                    Some((slot, value)) => {
                        self.missing_in_elements(slot, collection, value, scope, out);
                    }
                    None if code.value(collection, scope).is_none() => {
                        self.collect_missing(collection, scope, out);
                    }
                    None => {}
                }
                if let Some(reason) = reason(code, &self.program.schema, id, scope, self.text(id))
                    && !out.reasons.contains(&reason)
                {
                    out.reasons.push(reason);
                }
            }
            // The requirement `passed` reads is missing: what it misses.
            Node::Passed(index) => {
                if let Some(requirement) = self.program.requirements.get(index as usize) {
                    let applies = requirement.when.map(|when| (when, code.truth(when, scope)));
                    match applies {
                        Some((when, None)) => self.collect_missing(when, scope, out),
                        _ => self.collect_missing(requirement.require, scope, out),
                    }
                }
            }
            _ => {
                let mut unknown = Vec::new();
                code.for_each_child(id, |child| {
                    if code.value(child, scope).is_none() {
                        unknown.push(child);
                    }
                });
                if unknown.is_empty()
                    && let Some(reason) =
                        reason(code, &self.program.schema, id, scope, self.text(id))
                    && !out.reasons.contains(&reason)
                {
                    out.reasons.push(reason);
                }
                for child in unknown {
                    self.collect_missing(child, scope, out);
                }
            }
        }
    }

    /// An arithmetic chain `a + b - c …` is unknown: an operand is, or one of its steps
    /// has no value (the reason is said for the first such step). The chain is a
    /// left-deep tree as deep as it is long, so it is valued step by step from the left,
    /// each operand once.
    fn missing_in_arithmetic(&mut self, id: NodeId, scope: Scope<'_>, out: &mut Unknown) {
        let program = self.program;
        let code = &program.code;
        let mut steps = Vec::new();
        let mut first = id;
        while let Some(Node::Arith(_, lhs, _)) = code.node(first) {
            steps.push(first);
            first = lhs;
        }
        let mut so_far = code.value(first, scope);
        if so_far.is_none() {
            self.collect_missing(first, scope, out);
        }
        for &step in steps.iter().rev() {
            let Some(Node::Arith(op, _, rhs)) = code.node(step) else {
                continue;
            };
            let rhs_value = code.value(rhs, scope);
            if rhs_value.is_none() {
                self.collect_missing(rhs, scope, out);
            }
            so_far = match (so_far, rhs_value) {
                (Some(lhs), Some(rhs)) => {
                    let result = ops::arith(op, &lhs, &rhs).ok();
                    if result.is_none()
                        && let Some(reason) =
                            reason(code, &self.program.schema, step, scope, self.text(step))
                        && !out.reasons.contains(&reason)
                    {
                        out.reasons.push(reason);
                    }
                    result.map(Cow::Owned)
                }
                _ => None,
            };
        }
    }

    /// A quantifier, a filtered `count` or an aggregate of a projection is unknown: its
    /// collection is, or `body` is for some of its elements.
    fn missing_in_elements(
        &mut self,
        slot: u32,
        collection: NodeId,
        body: NodeId,
        scope: Scope<'_>,
        out: &mut Unknown,
    ) {
        let code = &self.program.code;
        let Some(items) = code.value(collection, scope) else {
            return self.collect_missing(collection, scope, out);
        };
        let Value::List(items) = items.as_ref() else {
            return;
        };
        let place = self.place_of(collection);
        for (index, item) in items.iter().enumerate() {
            let binding = Binding {
                slot,
                value: item,
                outer: scope.bindings,
            };
            let inner = scope.with(&binding);
            if code.value(body, inner).is_none() {
                self.places
                    .push((slot, place.as_ref().map(|place| place.element(index))));
                self.collect_missing(body, inner, out);
                self.places.pop();
            }
        }
    }

    /// Where a collection's elements come from, when it is a descriptor value.
    fn place_of(&self, collection: NodeId) -> Option<Place> {
        match self.program.code.node(collection)? {
            Node::Field(path) => self.place_of_path(path),
            Node::Local(slot) => self.bound_place(slot),
            _ => None,
        }
    }

    fn bound_place(&self, slot: u32) -> Option<Place> {
        self.places
            .iter()
            .rev()
            .find(|(bound, _)| *bound == slot)
            .and_then(|(_, place)| place.clone())
    }

    /// The printed path of a field and its steps from the descriptor's root. A field of
    /// an element of a computed collection keeps the path as written.
    fn place_of_path(&self, path: u32) -> Option<Place> {
        let path = self.program.code.path(path)?;
        let (mut text, mut steps) = match path.root {
            PathRoot::Descriptor => (String::new(), Some(Vec::new())),
            PathRoot::Slot(slot) => match self.bound_place(slot) {
                Some(place) => (place.text, place.steps),
                None => {
                    return Some(Place {
                        text: path.text.to_string(),
                        steps: None,
                    });
                }
            },
        };
        for (field, name) in path.fields.iter().zip(path.names.iter()) {
            if !text.is_empty() {
                text.push('.');
            }
            text.push_str(name);
            if let Some(steps) = steps.as_mut() {
                steps.push(PathStep::Field(*field));
            }
        }
        Some(Place { text, steps })
    }

    fn display(&self, value: &Value) -> String {
        value.display(&self.program.schema).to_string()
    }
}

/// A connective whose chains explanations take apart.
#[derive(Debug, Clone, Copy)]
enum Chain {
    And,
    Or,
    Implies,
}

fn element_ref(quantifier: &'static str, list: &Place, index: usize) -> ElementRef {
    ElementRef {
        quantifier,
        list: list.text.clone(),
        index: u32::try_from(index).unwrap_or(u32::MAX),
    }
}

/// Compares paths with their list indexes as numbers: `xs[2]` comes before `xs[10]`.
pub(crate) fn natural_order(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (a_digits, a_rest) = split_digits(a);
                let (b_digits, b_rest) = split_digits(b);
                let by_value = a_digits
                    .len()
                    .cmp(&b_digits.len())
                    .then_with(|| a_digits.cmp(b_digits));
                if by_value != Ordering::Equal {
                    return by_value;
                }
                (a, b) = (a_rest, b_rest);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
            }
        }
    }
}

/// The leading digits of a text, without leading zeros, and the rest.
fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, rest) = text.split_at(end);
    (digits.trim_start_matches('0'), rest)
}

#[cfg(test)]
mod tests {
    use super::natural_order;

    #[test]
    fn list_indexes_sort_by_value() {
        let mut paths = vec![
            "subprocessors[10].region",
            "hosting.region",
            "subprocessors[2].region",
            "subprocessors[2].name",
            "subprocessors",
        ];
        paths.sort_by(|a, b| natural_order(a, b));
        assert_eq!(
            paths,
            [
                "hosting.region",
                "subprocessors",
                "subprocessors[2].name",
                "subprocessors[2].region",
                "subprocessors[10].region",
            ]
        );
    }
}
