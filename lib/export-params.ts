/** The answer to an export asked for a department id that can name no department. */
export const unknownDepartment = () =>
  new Response("Unknown department: choose one from the Organization page's filter.\n", {
    status: 400,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
