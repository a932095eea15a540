//! Composition across packs: `set DEP::NAME = VALUE` and `[params.DEP]` override the
//! parameters of a direct dependency, and `use DEP` / `use DEP::{ID, ID as must}` bring
//! a dependency's clauses into the pack that uses it.
//!
//! Packs are taken in the graph's order, every pack after its dependencies. A pack's
//! clauses are its own and those its `use` lines bring in, so that a pack that uses a
//! pack gets what that pack itself used, with the levels it chose. The root's clauses
//! are what the checked pack holds.

use std::collections::HashMap;

use clausier_diagnostics::{Code, Diagnostic, FileId, Fix, Message, Span};
use clausier_syntax::ast::{Expr, Ident, ItemKind, Level, UseDecl};

use crate::Checker;
use crate::hir::{ParamId, ParamOverrideSite, Symbol};
use crate::suggest::{did_you_mean, names_joined};
use crate::types::Origin;
use crate::value::Value;

/// A clause of the graph: its index in the checked pack's requirements or criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ClauseRef {
    Requirement(usize),
    Criterion(usize),
}

/// A clause as one pack holds it.
#[derive(Debug, Clone)]
struct Member {
    clause: ClauseRef,
    /// A requirement's level in this pack, after the `as` of its `use`.
    level: Option<Level>,
    /// Where the clause entered the pack: its own id, or the `use` that brought it in.
    at: Origin,
}

/// One override, from a clause file or a manifest.
struct OverrideSite<'x> {
    file: FileId,
    pack: &'x Ident,
    name: &'x Ident,
    value: &'x Expr,
}

/// An override that was applied, to find a second one of the same parameter.
struct Applied {
    /// The pack, by index, that wrote it.
    by: usize,
    origin: Origin,
}

impl<'a> Checker<'a> {
    pub(crate) fn compose(&mut self) {
        self.apply_overrides();
        self.recompute_derived_params();
        let members = self.clause_sets();
        let Some(root) = members.last() else {
            return;
        };
        let mut requirements = Vec::new();
        let mut entries = Vec::new();
        let mut criterion_entries = Vec::new();
        let mut criteria = Vec::new();
        for member in root {
            match member.clause {
                ClauseRef::Requirement(index) => {
                    if let Some(requirement) = self.pack.requirements.get(index) {
                        let mut requirement = requirement.clone();
                        requirement.level = member.level.unwrap_or(requirement.level);
                        requirements.push(requirement);
                        entries.push(member.at);
                    }
                }
                ClauseRef::Criterion(index) => {
                    if let Some(criterion) = self.pack.criteria.get(index) {
                        criteria.push(criterion.clone());
                        criterion_entries.push(member.at);
                    }
                }
            }
        }
        // Only the weights of the criteria in effect are the tender's.
        let kept: Vec<(FileId, Span)> = criteria
            .iter()
            .map(|criterion| (criterion.meta.origin.file, criterion.meta.span))
            .collect();
        self.weights.entries.retain(|entry| {
            kept.iter().any(|(kept_file, clause)| {
                *kept_file == entry.file && clause.contains(entry.span.start)
            })
        });
        self.pack.requirements = requirements;
        self.requirement_entries = entries;
        self.criterion_entries = criterion_entries;
        self.pack.criteria = criteria;
    }

    /// The direct dependency a `use` or `set` names, by its index in the graph;
    /// reported when the pack being checked has no such dependency.
    fn dependency(&mut self, file: FileId, name: &Ident) -> Option<usize> {
        let graph = self.graph;
        let pack = graph.packs.get(self.current)?;
        if let Some((_, index)) = pack.dependencies.iter().find(|(dep, _)| *dep == name.name) {
            return Some(*index);
        }
        let names: Vec<&str> = pack
            .dependencies
            .iter()
            .map(|(dep, _)| dep.as_str())
            .collect();
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_PACK,
            Message::new("e0211-unknown-pack").with("name", &name.name),
        )
        .with_primary(file, name.span, Message::new("e0211-unknown-pack-label"));
        if !names.is_empty() {
            diagnostic = diagnostic.with_note(
                Message::new("e0211-dependencies-note")
                    .with("pack", pack.name)
                    .with("dependencies", names_joined(&names)),
            );
        }
        let elsewhere = graph.packs.iter().any(|other| other.name == name.name);
        diagnostic = match did_you_mean(&name.name, names.iter().copied()) {
            Some(best) => diagnostic
                .with_help(Message::new("e0211-did-you-mean").with("name", best))
                .with_fix(Fix {
                    title: Message::new("e0211-replace-with").with("name", best),
                    edits: vec![(file, name.span, best.to_owned())],
                }),
            None if elsewhere => diagnostic.with_help(
                Message::new("e0211-dependency-elsewhere-help")
                    .with("name", &name.name)
                    .with("pack", pack.name),
            ),
            None => diagnostic.with_help(Message::new("e0211-declare-dependency-help")),
        };
        self.report(diagnostic);
        None
    }

    /// Applies every `set` and `[params]` override, packs in graph order: an override
    /// by a pack replaces one made by a pack it depends on.
    fn apply_overrides(&mut self) {
        let graph = self.graph;
        let mut applied: HashMap<ParamId, Applied> = HashMap::new();
        for (index, pack) in graph.packs.iter().enumerate() {
            self.enter(index);
            let mut sites: Vec<OverrideSite<'a>> = Vec::new();
            for (file, ast) in pack.files {
                for item in &ast.items {
                    if let ItemKind::Set(decl) = &item.kind {
                        sites.push(OverrideSite {
                            file: *file,
                            pack: &decl.pack,
                            name: &decl.name,
                            value: &decl.value,
                        });
                    }
                }
            }
            sites.extend(pack.overrides.iter().map(|o| OverrideSite {
                file: o.file,
                pack: &o.pack,
                name: &o.name,
                value: &o.value,
            }));
            for site in sites {
                self.apply_override(index, &site, &mut applied);
            }
        }
    }

    fn apply_override(
        &mut self,
        by: usize,
        site: &OverrideSite<'a>,
        applied: &mut HashMap<ParamId, Applied>,
    ) {
        let Some(dep) = self.dependency(site.file, site.pack) else {
            return;
        };
        let Some(id) = self.dependency_param(site, dep) else {
            return;
        };
        let origin = Origin {
            file: site.file,
            span: site.name.span,
        };
        self.symbol(site.file, site.name.span, Symbol::Param(id), false);
        let Some((ty, declared, qualified)) = self.pack.params.get(id.0 as usize).map(|param| {
            (
                param.ty.clone(),
                param.origin,
                format!("{}::{}", site.pack.name, param.name),
            )
        }) else {
            return;
        };
        let value = self.override_value(site, &qualified, &ty, declared);
        if let Some(previous) = applied.get(&id) {
            let graph = self.graph;
            let previous_name = graph.packs.get(previous.by).map_or("", |p| p.name);
            if previous.by == by {
                self.report(
                    Diagnostic::error(
                        Code::DUPLICATE_DEFINITION,
                        Message::new("e0206-param-set-twice").with("param", &qualified),
                    )
                    .with_primary(
                        site.file,
                        site.name.span,
                        Message::new("e0206-set-again-here"),
                    )
                    .with_secondary(
                        previous.origin.file,
                        previous.origin.span,
                        Message::new("e0206-first-set-here"),
                    )
                    .with_help(Message::new("e0206-param-set-twice-help")),
                );
                return;
            }
            if !self.depends_on(by, previous.by) {
                let this_name = graph.packs.get(by).map_or("", |p| p.name);
                self.report(
                    Diagnostic::error(
                        Code::DUPLICATE_DEFINITION,
                        Message::new("e0206-param-set-by-two")
                            .with("param", &qualified)
                            .with("first_pack", previous_name)
                            .with("this_pack", this_name),
                    )
                    .with_primary(
                        site.file,
                        site.name.span,
                        Message::new("e0206-set-by-here").with("pack", this_name),
                    )
                    .with_secondary(
                        previous.origin.file,
                        previous.origin.span,
                        Message::new("e0206-set-by-here").with("pack", previous_name),
                    )
                    .with_note(Message::new("e0206-param-set-by-two-note"))
                    .with_help(
                        Message::new("e0206-param-set-by-two-help").with("param", &qualified),
                    ),
                );
                return;
            }
        }
        let Some(value) = value else {
            return;
        };
        let location = self.locate(origin);
        let by_name = self.graph.packs.get(by).map_or("", |p| p.name).to_owned();
        if let Some(param) = self.pack.params.get_mut(id.0 as usize) {
            param.value = value;
            param.set_in = Some(ParamOverrideSite {
                origin,
                location,
                pack: by_name,
            });
        }
        applied.insert(id, Applied { by, origin });
    }

    /// The parameter of the dependency `dep` an override names; reported when the
    /// dependency declares no parameter of that name.
    fn dependency_param(&mut self, site: &OverrideSite<'a>, dep: usize) -> Option<ParamId> {
        if let Some(id) = self.params.get_in(dep, &site.name.name) {
            return Some(id);
        }
        let dep_name = self.graph.packs.get(dep).map_or("", |p| p.name);
        let names: Vec<String> = self
            .pack
            .params
            .iter()
            .filter(|param| param.pack == dep_name)
            .map(|param| param.name.clone())
            .collect();
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_DEPENDENCY_PARAM,
            Message::new("e0214-unknown-param")
                .with("pack", dep_name)
                .with("name", &site.name.name),
        )
        .with_primary(
            site.file,
            site.name.span,
            Message::new("e0214-unknown-param-label"),
        );
        diagnostic = match did_you_mean(&site.name.name, names.iter().map(String::as_str)) {
            Some(best) => diagnostic
                .with_help(Message::new("e0214-did-you-mean").with("name", best))
                .with_fix(Fix {
                    title: Message::new("e0214-replace-with").with("name", best),
                    edits: vec![(site.file, site.name.span, best.to_owned())],
                }),
            None if names.is_empty() => {
                diagnostic.with_help(Message::new("e0214-no-params-help").with("pack", dep_name))
            }
            None => diagnostic.with_help(
                Message::new("e0214-params-help")
                    .with("pack", dep_name)
                    .with("params", names_joined(&names)),
            ),
        };
        self.report(diagnostic);
        None
    }

    /// The override's value, checked against the parameter's declared type.
    fn override_value(
        &mut self,
        site: &OverrideSite<'a>,
        qualified: &str,
        ty: &crate::types::Ty,
        declared: Origin,
    ) -> Option<Value> {
        self.constant_value(site.file, qualified, site.value, ty, declared)
    }

    /// Whether pack `from` depends on pack `on`, directly or not.
    fn depends_on(&self, from: usize, on: usize) -> bool {
        let mut stack = vec![from];
        let mut seen = vec![false; self.graph.packs.len()];
        while let Some(index) = stack.pop() {
            let Some(pack) = self.graph.packs.get(index) else {
                continue;
            };
            for (_, dep) in &pack.dependencies {
                if *dep == on {
                    return true;
                }
                if let Some(flag) = seen.get_mut(*dep)
                    && !*flag
                {
                    *flag = true;
                    stack.push(*dep);
                }
            }
        }
        false
    }

    /// `file:line:column` of an origin, 1-based, as reports print it.
    fn locate(&self, origin: Origin) -> String {
        match self.graph.sources.get(origin.file) {
            Some(source) => {
                let at = source.line_col(origin.span.start);
                format!("{}:{}:{}", source.name(), at.line, at.column)
            }
            None => String::new(),
        }
    }

    /// Every pack's clauses, in graph order.
    fn clause_sets(&mut self) -> Vec<Vec<Member>> {
        let graph = self.graph;
        let mut by_origin: HashMap<(FileId, u32), ClauseRef> = HashMap::new();
        for (index, requirement) in self.pack.requirements.iter().enumerate() {
            let origin = requirement.meta.origin;
            by_origin.insert(
                (origin.file, origin.span.start),
                ClauseRef::Requirement(index),
            );
        }
        for (index, criterion) in self.pack.criteria.iter().enumerate() {
            let origin = criterion.meta.origin;
            by_origin.insert(
                (origin.file, origin.span.start),
                ClauseRef::Criterion(index),
            );
        }
        let mut sets: Vec<Vec<Member>> = Vec::with_capacity(graph.packs.len());
        for (index, pack) in graph.packs.iter().enumerate() {
            self.enter(index);
            let mut members: Vec<Member> = Vec::new();
            for (file, ast) in pack.files {
                for item in &ast.items {
                    let id = match &item.kind {
                        ItemKind::Requirement(decl) => &decl.id,
                        ItemKind::Criterion(decl) => &decl.id,
                        ItemKind::Use(decl) => {
                            self.use_clauses(*file, decl, &sets, &mut members);
                            continue;
                        }
                        _ => continue,
                    };
                    if let Some(clause) = by_origin.get(&(*file, id.span.start)) {
                        members.push(Member {
                            clause: *clause,
                            level: self.declared_level(*clause),
                            at: Origin {
                                file: *file,
                                span: id.span,
                            },
                        });
                    }
                }
            }
            sets.push(self.without_repeats(members));
        }
        sets
    }

    /// Adds what `use DEP` or `use DEP::{…}` brings in.
    fn use_clauses(
        &mut self,
        file: FileId,
        decl: &UseDecl,
        sets: &[Vec<Member>],
        members: &mut Vec<Member>,
    ) {
        let Some(dep) = self.dependency(file, &decl.pack) else {
            return;
        };
        let Some(available) = sets.get(dep) else {
            return;
        };
        let Some(items) = &decl.items else {
            members.extend(available.iter().map(|member| Member {
                at: Origin {
                    file,
                    span: decl.pack.span,
                },
                ..member.clone()
            }));
            return;
        };
        for item in items {
            let found = available
                .iter()
                .find(|member| self.clause_id(member.clause) == Some(item.id.name.as_str()));
            let Some(member) = found else {
                self.report_unknown_clause(file, &decl.pack.name, dep, &item.id, available);
                continue;
            };
            self.symbol(
                file,
                item.id.span,
                Symbol::Clause(item.id.name.clone()),
                false,
            );
            let mut member = Member {
                at: Origin {
                    file,
                    span: item.id.span,
                },
                ..member.clone()
            };
            if let Some((level, span)) = item.level {
                if let ClauseRef::Requirement(_) = member.clause {
                    member.level = Some(level);
                } else {
                    self.report(
                        Diagnostic::error(
                            Code::MISPLACED_CLAUSE_FIELD,
                            Message::new("e0403-criterion-level").with("id", &item.id.name),
                        )
                        .with_primary(file, span, Message::new("e0403-criterion-level-label"))
                        .with_help(
                            Message::new("e0403-criterion-level-help").with("id", &item.id.name),
                        ),
                    );
                }
            }
            members.push(member);
        }
    }

    fn report_unknown_clause(
        &mut self,
        file: FileId,
        dep_name: &str,
        dep: usize,
        id: &clausier_syntax::ast::ClauseId,
        available: &[Member],
    ) {
        let ids: Vec<String> = available
            .iter()
            .filter_map(|member| self.clause_id(member.clause).map(str::to_owned))
            .collect();
        let pack_name = self.graph.packs.get(dep).map_or(dep_name, |p| p.name);
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_DEPENDENCY_CLAUSE,
            Message::new("e0213-unknown-clause")
                .with("pack", pack_name)
                .with("id", &id.name),
        )
        .with_primary(file, id.span, Message::new("e0213-unknown-clause-label"));
        diagnostic = match did_you_mean(&id.name, ids.iter().map(String::as_str)) {
            Some(best) => diagnostic
                .with_help(Message::new("e0213-did-you-mean").with("name", best))
                .with_fix(Fix {
                    title: Message::new("e0213-replace-with").with("name", best),
                    edits: vec![(file, id.span, best.to_owned())],
                }),
            None if ids.is_empty() => {
                diagnostic.with_help(Message::new("e0213-no-clauses-help").with("pack", pack_name))
            }
            None if ids.len() <= 12 => diagnostic.with_help(
                Message::new("e0213-clauses-help")
                    .with("pack", pack_name)
                    .with("ids", names_joined(&ids)),
            ),
            None => diagnostic.with_help(
                Message::new("e0213-many-clauses-help")
                    .with("pack", pack_name)
                    .with("count", ids.len()),
            ),
        };
        self.report(diagnostic);
    }

    fn clause_id(&self, clause: ClauseRef) -> Option<&str> {
        match clause {
            ClauseRef::Requirement(index) => self
                .pack
                .requirements
                .get(index)
                .map(|r| r.meta.id.as_str()),
            ClauseRef::Criterion(index) => {
                self.pack.criteria.get(index).map(|c| c.meta.id.as_str())
            }
        }
    }

    fn clause_pack(&self, clause: ClauseRef) -> &str {
        match clause {
            ClauseRef::Requirement(index) => self
                .pack
                .requirements
                .get(index)
                .map_or("", |r| r.meta.pack.as_str()),
            ClauseRef::Criterion(index) => self
                .pack
                .criteria
                .get(index)
                .map_or("", |c| c.meta.pack.as_str()),
        }
    }

    fn declared_level(&self, clause: ClauseRef) -> Option<Level> {
        match clause {
            ClauseRef::Requirement(index) => self.pack.requirements.get(index).map(|r| r.level),
            ClauseRef::Criterion(_) => None,
        }
    }

    /// Keeps each clause id once. The same clause brought in twice (by two `use` lines,
    /// or through two dependencies) is kept once when its level is the same; two clauses
    /// of one id from two packs, or one clause with two levels, are errors.
    fn without_repeats(&mut self, members: Vec<Member>) -> Vec<Member> {
        let mut kept: Vec<Member> = Vec::with_capacity(members.len());
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for member in members {
            let Some(id) = self.clause_id(member.clause).map(str::to_owned) else {
                continue;
            };
            let Some(first) = by_id.get(&id).and_then(|index| kept.get(*index)).cloned() else {
                by_id.insert(id, kept.len());
                kept.push(member);
                continue;
            };
            if first.clause == member.clause {
                if first.level != member.level {
                    let level_name = |level: Option<Level>| level.map_or("", Level::as_str);
                    self.report(
                        Diagnostic::error(
                            Code::DUPLICATE_CLAUSE,
                            Message::new("e0205-brought-in-twice")
                                .with("id", &id)
                                .with("first", level_name(first.level))
                                .with("again", level_name(member.level)),
                        )
                        .with_primary(
                            member.at.file,
                            member.at.span,
                            Message::new("e0205-brought-in-again-as")
                                .with("level", level_name(member.level)),
                        )
                        .with_secondary(
                            first.at.file,
                            first.at.span,
                            Message::new("e0205-first-brought-in-as")
                                .with("level", level_name(first.level)),
                        )
                        .with_help(Message::new("e0205-brought-in-twice-help").with("id", &id)),
                    );
                }
                continue;
            }
            let (first_pack, this_pack) = (
                self.clause_pack(first.clause).to_owned(),
                self.clause_pack(member.clause).to_owned(),
            );
            // Two clauses of one pack with one id are reported where they are declared,
            // and both kept for the editor.
            if first_pack == this_pack {
                kept.push(member);
                continue;
            }
            self.report(
                Diagnostic::error(
                    Code::DUPLICATE_CLAUSE,
                    Message::new("e0205-id-in-two-packs")
                        .with("id", &id)
                        .with("first_pack", &first_pack)
                        .with("this_pack", &this_pack),
                )
                .with_primary(
                    member.at.file,
                    member.at.span,
                    Message::new("e0205-clause-comes-in-here").with("pack", &this_pack),
                )
                .with_secondary(
                    first.at.file,
                    first.at.span,
                    Message::new("e0205-clause-comes-in-here").with("pack", &first_pack),
                )
                .with_help(Message::new("e0205-id-in-two-packs-help")),
            );
        }
        kept
    }
}
