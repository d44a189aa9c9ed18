/**
 * An error a machine can read: RFC 9457 problem details, with the parameters that were wrong
 * listed one by one (`errors`), so a client can say which filter to fix.
 */
export type Problem = {
  status: number;
  title: string;
  detail: string;
  errors?: { param: string; message: string }[];
};

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', ...problem }), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Access-Control-Allow-Origin': '*', ...headers },
  });
}

/** 400 for a query string with values that are not understood, naming each one. */
export function invalidParametersResponse(errors: { param: string; message: string }[], headers: Record<string, string> = {}): Response {
  return problemResponse(
    {
      status: 400,
      title: 'Some parameters are not valid',
      detail: errors.map((e) => `${e.param}: ${e.message}`).join('; '),
      errors,
    },
    headers,
  );
}
