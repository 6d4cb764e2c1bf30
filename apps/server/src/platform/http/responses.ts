/** OpenAPI response entries for the problem codes a route can answer. */
export function problemResponses(...statuses: number[]): Record<number, { $ref: string }> {
  return Object.fromEntries(statuses.map((status) => [status, { $ref: 'Problem#' }]));
}
