/** The field schema: one catalog behind strict decoding, the editor's JSON Schema and kubectl explain. */
export { typeDef, rootTypeKey, markUnsimulated, type FieldDef, type TypeDef, type FieldType } from './catalog';
export { strictDecode, decodeFailureMessage, type DecodeResult, type DecodeIssue } from './decode';
export { toJsonSchema, jsonSchemaForAll, typeLabel, type JsonSchema } from './jsonSchema';
export { explain, explainField, resolveResource, wrapText, type ExplainOptions, type ExplainResult } from './explain';
export { registerPodlabAnnotation, podlabAnnotations, type PodlabAnnotationDoc } from './annotations';
export { unsimulatedFieldsOf } from './unsimulated';
