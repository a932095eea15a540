" Vim syntax file for Clausier `.clause` files (grammar/clausier.pest in the Clausier
" repository). The language server adds diagnostics and the rest.

if exists('b:current_syntax')
  finish
endif

syntax iskeyword @,48-57,_,192-255

" Items, clause fields and test fields.
syntax keyword clausierItem enum type descriptor param requirement criterion indicator risk use set test
syntax keyword clausierField level text note ref evidence from no_equivalent lots when require score value by spend ends window alternatives weight as where
syntax keyword clausierField given expect date
syntax keyword clausierLevel must should info execution
syntax keyword clausierStatus eligible ineligible incomplete invalid review pass fail missing not_applicable

" The reserved words of expressions.
syntax keyword clausierOperator and or not implies in has
syntax keyword clausierConditional if then else
syntax keyword clausierQuantifier all any
syntax keyword clausierFunction count lowest highest
" Contextual: `passed` is a word only right before `(`.
syntax match clausierFunction /\<passed\ze\s*(/
" Contextual too: the aggregates over a list.
syntax match clausierFunction /\<\(sum\|mean\|min\|max\|share\)\ze\s*(/
" Contextual too: the text checks of the standard library.
syntax match clausierFunction /\<\(matches\|siret\|uai\|https_url\|weekday\|business_duration\)\ze\s*(/
syntax keyword clausierBuiltin today
syntax keyword clausierBoolean true false
syntax keyword clausierNull null

" Built-in types. By convention, enum and type names are capitalized (`Region`) and
" enum variants are in capitals (`EU`, `PARTIELLEMENT_CONFORME`).
syntax keyword clausierType bool int number percent money time datetime duration string weekday list map
syntax match clausierTypeName /\<\u\w*\>/
syntax match clausierVariant /\<\u[[:upper:][:digit:]_]*\>/

" Clause ids after `requirement`, `criterion` and an expectation on a clause.
syntax match clausierClauseId /\%(\<\%(requirement\|criterion\|indicator\|risk\)\s\+\)\@<=\k[[:alnum:]_-]*/
syntax match clausierClauseId /\%(\<\%(pass\|fail\|missing\|not_applicable\|review\)\s\+\)\@<=\k[[:alnum:]_-]*/

" Literals: numbers with their units, and dates (defined last, so they win over numbers).
syntax match clausierNumber /\<\d\+\%(\.\d\+\)\?\%(\s*\%(%\|€\|EUR\>\|\%(days\|day\|weeks\|week\|months\|month\|years\|year\|jours\|jour\|semaines\|semaine\|mois\|années\|année\|ans\|an\|hours\|hour\|heures\|heure\|minutes\|minute\)\>\)\)\?/

syntax match clausierDate /\<\d\{4}-\d\{1,2}-\d\{1,2}\>/
syntax match clausierDateTime /\<\d\{4}-\d\{1,2}-\d\{1,2}T\d\{1,2}:\d\{1,2}\%(:\d\{1,2}\)\?\>/
syntax match clausierTime /\<\d\{1,2}:\d\{1,2}\%(:\d\{1,2}\)\?\>/

syntax match clausierEscape /\\\%(["\\nt]\|u{\x\{1,6}}\)/ contained
syntax region clausierString start=/"/ skip=/\\./ end=/"\|$/ contains=clausierEscape oneline

syntax match clausierComment "//.*$" contains=@Spell
syntax match clausierDocComment "///\%(/\)\@!.*$" contains=@Spell

highlight default link clausierItem Keyword
highlight default link clausierField Keyword
highlight default link clausierLevel Constant
highlight default link clausierStatus Constant
highlight default link clausierOperator Operator
highlight default link clausierConditional Conditional
highlight default link clausierQuantifier Repeat
highlight default link clausierFunction Function
highlight default link clausierBuiltin Special
highlight default link clausierBoolean Boolean
highlight default link clausierNull Constant
highlight default link clausierType Type
highlight default link clausierTypeName Type
highlight default link clausierVariant Constant
highlight default link clausierClauseId Identifier
highlight default link clausierDate Number
highlight default link clausierTime Number
highlight default link clausierDateTime Number
highlight default link clausierNumber Number
highlight default link clausierEscape SpecialChar
highlight default link clausierString String
highlight default link clausierComment Comment
highlight default link clausierDocComment SpecialComment

let b:current_syntax = 'clausier'
