// Compile-time checks that the generated types actually bite: each `@ts-expect-error` below must
// be an error, or `tsc` fails ("Unused '@ts-expect-error' directive"). Nothing here is run.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/attune.js";

type Schemas = components["schemas"];

export function typeChecks(): void {
  const api = createClient<paths, "application/json" | "application/problem+json">({ baseUrl: "http://localhost:4010" });

  // @ts-expect-error an attendance outside the enum
  const badAttendance: Schemas["NewSession"] = { occurredAt: "2026-10-02T15:00:00Z", attendance: "LATE" };

  // @ts-expect-error a rupture without its required significance
  const noSignificance: Schemas["NewRupture"] = { type: "CONFRONTATION" };

  const misspelled: Schemas["NewRepair"] = {
    strategies: ["ACKNOWLEDGE_OWN_CONTRIBUTION"],
    outcome: "RESOLVED",
    // @ts-expect-error a field the document does not have
    rating: 4,
  };

  // @ts-expect-error a path the document does not have
  void api.GET("/api/v1/rupture/{id}", { params: { path: { id: "x" } } });

  // @ts-expect-error a path parameter left out
  void api.GET("/api/v1/ruptures/{id}", { params: { path: {} } });

  // @ts-expect-error the change cursor is a string (64-bit), not a number
  void api.GET("/api/v1/changes", { params: { query: { since: 0 } } });

  void [badAttendance, noSignificance, misspelled];
}

export function answerTypes(rupture: Schemas["Rupture"], page: Schemas["SessionPage"]): void {
  // @ts-expect-error a rupture status outside the enum
  if (rupture.status === "CLOSED") {
    return;
  }
  // @ts-expect-error the generated answer has no such field
  void page.total;

  // With noUncheckedIndexedAccess an item may be absent: reading it needs a check.
  // @ts-expect-error possibly undefined
  void page.items[0].number;
}
