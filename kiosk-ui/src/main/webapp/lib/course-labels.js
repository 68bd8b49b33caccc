import { k } from './i18n.js';

/**
 * Message keys for the codes of the course API (docs/api/courses.md): item kinds, question
 * types and outcomes, import stages and report codes, sanitiser findings, decisions. A code this
 * UI does not know yet is shown as the code itself (see labels.js `labelHtml`).
 */

export const ITEM_KIND = {
  page: k('course.kind.page'),
  file: k('course.kind.file'),
  media: k('course.kind.media'),
  'case-study': k('course.kind.case-study'),
  quiz: k('course.kind.quiz'),
};

export const QUESTION_TYPE = {
  'single-choice': k('quiz.type.single-choice'),
  'multiple-choice': k('quiz.type.multiple-choice'),
  'true-false': k('quiz.type.true-false'),
  'short-answer': k('quiz.type.short-answer'),
  numeric: k('quiz.type.numeric'),
  essay: k('quiz.type.essay'),
};

export const OUTCOME = {
  CORRECT: k('quiz.outcome.CORRECT'),
  PARTIALLY_CORRECT: k('quiz.outcome.PARTIALLY_CORRECT'),
  INCORRECT: k('quiz.outcome.INCORRECT'),
  UNANSWERED: k('quiz.outcome.UNANSWERED'),
  NEEDS_GRADING: k('quiz.outcome.NEEDS_GRADING'),
};

export const SUBMISSION_STATE = {
  DRAFT: k('submission.state.DRAFT'),
  SUBMITTED: k('submission.state.SUBMITTED'),
  GRADED: k('submission.state.GRADED'),
};

export const VERSION_STATE = {
  DRAFT: k('vetting.state.DRAFT'),
  FROZEN: k('vetting.state.FROZEN'),
};

export const DECISION = {
  APPROVED: k('vetting.decision.APPROVED'),
  REJECTED: k('vetting.decision.REJECTED'),
};

export const IMPORT_STATE = {
  RUNNING: k('import.state.RUNNING'),
  SUCCEEDED: k('import.state.SUCCEEDED'),
  REFUSED: k('import.state.REFUSED'),
  FAILED: k('import.state.FAILED'),
};

export const IMPORT_STAGE = {
  UPLOADED: k('import.stage.UPLOADED'),
  CHECKING_ARCHIVE: k('import.stage.CHECKING_ARCHIVE'),
  READING_MANIFEST: k('import.stage.READING_MANIFEST'),
  STORING_FILES: k('import.stage.STORING_FILES'),
  CONVERTING: k('import.stage.CONVERTING'),
  DONE: k('import.stage.DONE'),
};

/** What became of a cartridge entry (ImportReport.Status). */
export const ENTRY_STATUS = {
  IMPORTED: k('import.status.IMPORTED'),
  CONVERTED: k('import.status.CONVERTED'),
  NOT_IMPORTED: k('import.status.NOT_IMPORTED'),
};

/** ImportReport.Reason: what an entry became, or what it was when left out. */
export const ENTRY_REASON = {
  PAGE: k('import.reason.PAGE'),
  FILE: k('import.reason.FILE'),
  MEDIA: k('import.reason.MEDIA'),
  QUIZ: k('import.reason.QUIZ'),
  DISCUSSION_TOPIC: k('import.reason.DISCUSSION_TOPIC'),
  WEB_LINK: k('import.reason.WEB_LINK'),
  LTI_LINK: k('import.reason.LTI_LINK'),
  ASSIGNMENT: k('import.reason.ASSIGNMENT'),
  QUESTION_BANK: k('import.reason.QUESTION_BANK'),
  UNSUPPORTED_QUESTION: k('import.reason.UNSUPPORTED_QUESTION'),
  INVALID_QUESTION: k('import.reason.INVALID_QUESTION'),
  EMPTY_QUIZ: k('import.reason.EMPTY_QUIZ'),
  UNSUPPORTED_RESOURCE: k('import.reason.UNSUPPORTED_RESOURCE'),
  RESOURCE_MISSING: k('import.reason.RESOURCE_MISSING'),
  FILE_MISSING: k('import.reason.FILE_MISSING'),
  NOT_IN_ANY_MODULE: k('import.reason.NOT_IN_ANY_MODULE'),
};

/** ImportReport.NoteCode: changes made to an entry on the way in. */
export const NOTE_CODE = {
  REFERENCES_REMOVED: k('import.note.REFERENCES_REMOVED'),
  QUESTIONS_LEFT_OUT: k('import.note.QUESTIONS_LEFT_OUT'),
  CAPTIONS_ADDED: k('import.note.CAPTIONS_ADDED'),
  STARTS_SLOWLY: k('import.note.STARTS_SLOWLY'),
  CAPTION_LANGUAGE_UNKNOWN: k('import.note.CAPTION_LANGUAGE_UNKNOWN'),
};

/** Refusal: why a whole archive was refused. */
export const REFUSAL = {
  NOT_A_ZIP: k('import.refusal.NOT_A_ZIP'),
  ARCHIVE_TOO_LARGE: k('import.refusal.ARCHIVE_TOO_LARGE'),
  TOO_MANY_ENTRIES: k('import.refusal.TOO_MANY_ENTRIES'),
  ENTRY_TOO_LARGE: k('import.refusal.ENTRY_TOO_LARGE'),
  TOTAL_TOO_LARGE: k('import.refusal.TOTAL_TOO_LARGE'),
  COMPRESSION_RATIO: k('import.refusal.COMPRESSION_RATIO'),
  PATH_ESCAPES: k('import.refusal.PATH_ESCAPES'),
  DUPLICATE_ENTRY: k('import.refusal.DUPLICATE_ENTRY'),
  MANIFEST_MISSING: k('import.refusal.MANIFEST_MISSING'),
  MANIFEST_INVALID: k('import.refusal.MANIFEST_INVALID'),
  XML_FORBIDDEN: k('import.refusal.XML_FORBIDDEN'),
  UNSUPPORTED_VERSION: k('import.refusal.UNSUPPORTED_VERSION'),
  NOTHING_TO_IMPORT: k('import.refusal.NOTHING_TO_IMPORT'),
  BROKEN_RESOURCE: k('import.refusal.BROKEN_RESOURCE'),
};

/** The names of the parameters report codes carry, so "url: …" reads in the officer's language. */
export const REPORT_PARAM = {
  title: k('import.param.title'),
  url: k('import.param.url'),
  type: k('import.param.type'),
  number: k('import.param.number'),
  problem: k('import.param.problem'),
  path: k('import.param.path'),
  identifierref: k('import.param.identifierref'),
  count: k('import.param.count'),
  language: k('import.param.language'),
  // The details of a refusal: what was found, and the limit it broke.
  entry: k('import.param.entry'),
  limit: k('import.param.limit'),
  actual: k('import.param.actual'),
  declared: k('import.param.declared'),
  compressed: k('import.param.compressed'),
  archive: k('import.param.archive'),
  reason: k('import.param.reason'),
  expected: k('import.param.expected'),
  found: k('import.param.found'),
  namespace: k('import.param.namespace'),
  schema: k('import.param.schema'),
  schemaversion: k('import.param.schemaversion'),
};

/** LintFinding.Action and LintFinding.Reason: what the sanitiser did to a reference, and why. */
export const LINT_ACTION = {
  REMOVED: k('lint.action.REMOVED'),
  REWRITTEN: k('lint.action.REWRITTEN'),
};

export const LINT_REASON = {
  OUTSIDE_ORIGIN: k('lint.reason.OUTSIDE_ORIGIN'),
  UNSAFE_SCHEME: k('lint.reason.UNSAFE_SCHEME'),
  MISSING_ASSET: k('lint.reason.MISSING_ASSET'),
  LOCAL_COPY: k('lint.reason.LOCAL_COPY'),
  ACTIVE_ELEMENT: k('lint.reason.ACTIVE_ELEMENT'),
};
