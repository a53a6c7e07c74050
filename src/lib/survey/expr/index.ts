export type {
	BinaryOp,
	Expr,
	ExprError,
	ExprErrorCode,
	ExprErrorParams,
	FunctionName,
	ParseOptions,
	ParseResult
} from './ast';
export { EXPR_ERROR_CODES, FUNCTIONS, LIMITS } from './ast';
export { parse } from './parse';
export { print } from './print';
export {
	EvalError,
	evaluate,
	evaluateBoolean,
	toBoolean,
	toNumber,
	toText,
	type AnswerValue,
	type EvalContext,
	type Scalar
} from './evaluate';
export { columns, findCycle, references } from './analyse';
