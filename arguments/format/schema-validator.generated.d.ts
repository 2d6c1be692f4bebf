// The types of the generated module beside it (scripts/schema-validator.ts writes it).
export declare function validate(data: unknown): boolean;
export default validate;
