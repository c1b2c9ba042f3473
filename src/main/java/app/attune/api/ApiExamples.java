package app.attune.api;

/**
 * Example bodies for the OpenAPI document. They tell one story: a therapist who forgot an
 * appointment, and the repair at the next session.
 */
public final class ApiExamples {

    private static final String CLIENT_ID = "\"0b4ad3a4-5a7e-4a3d-9a57-1f0e2f8c6f21\"";
    private static final String THERAPIST_ID = "\"6f1f5c1e-3e4b-4c1b-8a0e-2d9a0c7b5e10\"";
    private static final String ALLIANCE_ID = "\"a3e8e0b2-7c4d-4f6a-9b1e-5d2c8f0a6b34\"";
    private static final String SESSION_ID = "\"5c7d9e1f-2a3b-4c5d-8e6f-7a8b9c0d1e2f\"";
    private static final String NEXT_SESSION_ID = "\"8e2f4a6b-1c3d-4e5f-9a7b-0c1d2e3f4a5b\"";
    private static final String RUPTURE_ID = "\"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f\"";
    private static final String REPAIR_ID = "\"d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70\"";

    public static final String NEW_CLIENT = """
            {"externalId": "EHR-PT-10442", "displayLabel": "Client R.", "birthYear": 1991}""";
    public static final String CLIENT = "{\"id\": " + CLIENT_ID + ", \"externalId\": \"EHR-PT-10442\", "
            + "\"displayLabel\": \"Client R.\", \"birthYear\": 1991}";
    public static final String CLIENT_PAGE = "{\"items\": [" + CLIENT + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";

    public static final String NEW_ORGANIZATION = """
            {"key": "northside-clinic", "displayName": "Northside Counselling", "firstAdminSubject": "it-lead@northside"}""";
    public static final String ORGANIZATION = "{\"id\": \"0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a\", \"key\": \"northside-clinic\", "
            + "\"displayName\": \"Northside Counselling\", \"suspended\": false, \"createdAt\": \"2026-09-01T08:00:00Z\", "
            + "\"version\": 0}";
    public static final String ORGANIZATION_PAGE = "{\"items\": [" + ORGANIZATION + "], \"page\": 0, \"size\": 20, "
            + "\"totalItems\": 1, \"totalPages\": 1}";
    public static final String SUSPEND_ORGANIZATION = """
            {"suspended": true}""";

    public static final String NEW_ALLIANCE = "{\"clientId\": " + CLIENT_ID
            + ", \"format\": \"INDIVIDUAL\", \"startedOn\": \"2026-09-01\", \"externalId\": \"EHR-EP-2291\"}";
    public static final String ALLIANCE = "{\"id\": " + ALLIANCE_ID + ", \"clientId\": " + CLIENT_ID + ", \"therapistId\": "
            + THERAPIST_ID + ", \"format\": \"INDIVIDUAL\", \"status\": \"ACTIVE\", \"participants\": [], "
            + "\"startedOn\": \"2026-09-01\", "
            + "\"endedOn\": null, \"externalId\": \"EHR-EP-2291\", \"version\": 0}";
    public static final String ALLIANCE_PAGE = "{\"items\": [" + ALLIANCE + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";
    public static final String CLOSE_ALLIANCE = """
            {"status": "CLOSED_PLANNED", "endedOn": "2026-12-15"}""";

    public static final String NEW_SESSION_NO_SHOW = """
            {"occurredAt": "2026-10-02T15:00:00Z", "mode": "IN_PERSON", "attendance": "THERAPIST_NO_SHOW",
             "note": "I did not come to our scheduled appointment; the client waited 20 minutes.",
             "ruptures": [{"type": "CONFRONTATION", "markers": ["COMPLAINT_ABOUT_PARAMETERS"], "tags": ["missed-session"],
                           "significance": 4, "therapistContribution": 5, "reportedBy": "THERAPIST",
                           "description": "Forgot the appointment; the client left an angry voicemail."}]}""";
    public static final String NEW_SESSION_FULL = "{\"occurredAt\": \"2026-10-09T15:00:00Z\", \"durationMinutes\": 50, "
            + "\"mode\": \"IN_PERSON\", \"attendance\": \"ATTENDED\", \"note\": \"Explored the missed appointment.\", "
            + "\"measures\": [{\"instrument\": \"SRS\", \"respondent\": \"CLIENT\", \"timing\": \"POST_SESSION\", "
            + "\"items\": {\"RELATIONSHIP\": 8.1, \"GOALS_AND_TOPICS\": 8.7, \"APPROACH\": 9.0, \"OVERALL\": 8.4}}], "
            + "\"repairs\": [{\"ruptureId\": " + RUPTURE_ID + ", \"strategies\": [\"ACKNOWLEDGE_OWN_CONTRIBUTION\"], "
            + "\"initiatedBy\": \"THERAPIST\", \"outcome\": \"RESOLVED\", \"resolutionRating\": 4}]}";

    private static final String MEASURE_FIELDS = "\"sessionId\": " + NEXT_SESSION_ID + ", \"instrument\": \"SRS\", "
            + "\"respondent\": \"CLIENT\", \"participant\": null, \"timing\": \"POST_SESSION\", \"items\": {\"APPROACH\": 9.0, "
            + "\"GOALS_AND_TOPICS\": 8.7, \"OVERALL\": 8.4, \"RELATIONSHIP\": 8.1}, \"total\": 34.2, \"subscales\": {}";
    public static final String NEW_MEASURE = """
            {"instrument": "SRS", "respondent": "CLIENT", "timing": "POST_SESSION",
             "items": {"RELATIONSHIP": 8.1, "GOALS_AND_TOPICS": 8.7, "APPROACH": 9.0, "OVERALL": 8.4}}""";
    public static final String MEASURE = "{\"id\": \"e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b\", " + MEASURE_FIELDS + "}";

    public static final String REPAIR = "{\"id\": " + REPAIR_ID + ", \"ruptureId\": " + RUPTURE_ID + ", \"sessionId\": "
            + NEXT_SESSION_ID + ", \"performedAt\": \"2026-10-09T15:00:00Z\", \"strategies\": [\"ACKNOWLEDGE_OWN_CONTRIBUTION\"], "
            + "\"initiatedBy\": \"THERAPIST\", \"outcome\": \"RESOLVED\", \"resolutionRating\": 4, "
            + "\"description\": \"Named that I had missed our appointment and invited her to say how that landed.\"}";
    public static final String NEW_REPAIR = "{\"sessionId\": " + NEXT_SESSION_ID + ", \"strategies\": [\"ACKNOWLEDGE_OWN_CONTRIBUTION\"], "
            + "\"initiatedBy\": \"THERAPIST\", \"outcome\": \"RESOLVED\", \"resolutionRating\": 4, "
            + "\"description\": \"Named that I had missed our appointment and invited her to say how that landed.\"}";

    public static final String NEW_RUPTURE = """
            {"type": "CONFRONTATION", "markers": ["COMPLAINT_ABOUT_PARAMETERS"], "tags": ["missed-session"],
             "dimension": "BOND", "significance": 4, "therapistContribution": 5, "reportedBy": "THERAPIST",
             "description": "Forgot the appointment; the client left an angry voicemail."}""";
    private static final String RUPTURE_FIELDS = "\"id\": " + RUPTURE_ID + ", \"sessionId\": " + SESSION_ID
            + ", \"allianceId\": " + ALLIANCE_ID + ", \"type\": \"CONFRONTATION\", \"markers\": [\"COMPLAINT_ABOUT_PARAMETERS\"], "
            + "\"tags\": [\"missed-session\"], \"dimension\": \"BOND\", \"significance\": 4, \"therapistContribution\": 5, "
            + "\"reportedBy\": \"THERAPIST\", \"minuteInSession\": null, "
            + "\"description\": \"Forgot the appointment; the client left an angry voicemail.\"";
    public static final String RUPTURE = "{" + RUPTURE_FIELDS + ", \"status\": \"OPEN\", \"repairs\": [], \"version\": 0}";
    public static final String RUPTURE_RESOLVED = "{" + RUPTURE_FIELDS + ", \"status\": \"RESOLVED\", \"repairs\": ["
            + REPAIR + "], \"version\": 1}";
    public static final String RUPTURE_PAGE = "{\"items\": [" + RUPTURE_RESOLVED + "], \"page\": 0, \"size\": 20, "
            + "\"totalItems\": 1, \"totalPages\": 1}";
    public static final String RUPTURE_PATCH = """
            {"tags": ["missed-session", "scheduling"], "significance": 3}""";

    private static final String SESSION_FIELDS = "\"id\": " + SESSION_ID + ", \"allianceId\": " + ALLIANCE_ID
            + ", \"externalId\": \"EHR-ENC-88120\", \"number\": 4, \"occurredAt\": \"2026-10-02T15:00:00Z\", \"durationMinutes\": null, \"mode\": \"IN_PERSON\", "
            + "\"attendance\": \"THERAPIST_NO_SHOW\", "
            + "\"note\": \"I did not come to our scheduled appointment; the client waited 20 minutes.\", \"privateNote\": null, ";
    public static final String SESSION = "{" + SESSION_FIELDS + "\"status\": \"DRAFT\", \"signedAt\": null, "
            + "\"awaitingCosign\": false, \"cosignedBy\": null, \"cosignedAt\": null, \"addenda\": [], "
            + "\"measures\": [], \"ruptures\": [" + RUPTURE + "], \"repairs\": [], \"version\": 0}";
    public static final String SESSION_SIGNED = "{" + SESSION_FIELDS + "\"status\": \"SIGNED\", "
            + "\"signedAt\": \"2026-10-02T18:12:40Z\", \"awaitingCosign\": false, \"cosignedBy\": null, \"cosignedAt\": null, "
            + "\"addenda\": [], \"measures\": [], \"ruptures\": [" + RUPTURE
            + "], \"repairs\": [], \"version\": 1}";
    public static final String SESSION_PAGE = "{\"items\": [" + SESSION + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, "
            + "\"totalPages\": 1}";
    public static final String SESSION_PATCH = """
            {"note": "I did not come to our scheduled appointment; the client waited 20 minutes and called."}""";
    public static final String NEW_ADDENDUM = """
            {"text": "Correction: the client waited 30 minutes, not 20."}""";
    public static final String ADDENDUM = "{\"id\": \"f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c\", \"authorId\": " + THERAPIST_ID
            + ", \"writtenAt\": \"2026-10-03T09:00:00Z\", \"kind\": \"ADDENDUM\", "
            + "\"text\": \"Correction: the client waited 30 minutes, not 20.\"}";
    public static final String SESSION_RETURN = """
            {"text": "Please describe what you said when you named the missed session, and how the client answered."}""";

    public static final String VOCABULARY = """
            {"enumerations": {"ruptureType": [{"code": "WITHDRAWAL", "label": "Withdrawal (moving away from the therapist or the work)",
                                               "reference": null, "group": null, "type": null}],
              "ruptureMarker": [{"code": "COMPLAINT_ABOUT_PARAMETERS", "label": "Complaints/concerns about the parameters of therapy",
                                 "reference": "3RS C4", "group": null, "type": "CONFRONTATION"}],
              "repairStrategy": [{"code": "ACKNOWLEDGE_OWN_CONTRIBUTION", "label": "Acknowledge the therapist's own contribution",
                                  "reference": "3RS exploratory resolution strategy", "group": "exploratory", "type": null}]},
             "instruments": [{"code": "SRS", "label": "Session Rating Scale v3", "reference": "Duncan, Miller et al. 2003",
                              "respondents": ["CLIENT"],
                              "items": [{"code": "RELATIONSHIP", "label": "Relationship: felt heard, understood and respected",
                                         "min": 0, "max": 10, "step": 0.1}],
                              "total": {"min": 0, "max": 40}, "subscales": {}}],
             "ratings": {"significance": {"min": 1, "max": 5}}}""";

    public static final String PROBLEM = """
            {"type": "urn:attune:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid",
             "errors": [{"field": "markers[0]", "message": "is a withdrawal marker and does not fit a CONFRONTATION rupture"},
                        {"field": "significance", "message": "must be less than or equal to 5"}]}""";

    public static final String SETTINGS = """
            {"srsCutoff": 36, "srsItemFloor": 9, "orsCutoff": 25, "orsReliableChange": 5,
             "repairWindowSessions": 3, "openRuptureLimitDays": 21, "srsDropPoints": 1, "timeZone": "UTC",
             "researchTags": ["missed-session"], "researchKeepsYear": false, "version": 0}""";
    public static final String SETTINGS_PUT = """
            {"srsCutoff": 36, "srsItemFloor": 9, "orsCutoff": 25, "orsReliableChange": 5,
             "repairWindowSessions": 3, "openRuptureLimitDays": 14, "srsDropPoints": 1.5, "timeZone": "America/Chicago",
             "researchTags": ["missed-session", "scheduling"]}""";

    public static final String NEW_PRACTITIONER = """
            {"subject": "dr-okafor", "displayName": "Dr. A. Okafor", "roles": ["therapist"],
             "supervisorId": "5c2d7e1a-9b0f-4c1e-8d3a-2f6b7a8c9d01"}""";
    public static final String PRACTITIONER = """
            {"id": "a3f1c9e2-4b7d-4e8a-9c0f-1d2e3f4a5b6c", "subject": "dr-okafor", "displayName": "Dr. A. Okafor",
             "roles": ["therapist"], "supervisorId": "5c2d7e1a-9b0f-4c1e-8d3a-2f6b7a8c9d01", "active": true, "licensed": true,
             "version": 0}""";
    public static final String PRACTITIONER_PAGE = "{\"items\": [" + PRACTITIONER
            + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";
    public static final String PRACTITIONER_PATCH = """
            {"roles": ["therapist", "supervisor"], "supervisorId": null}""";
    public static final String AUDIT_EVENT = """
            {"id": "e7b2c4d6-1a3f-4b5c-8d9e-0f1a2b3c4d5e", "seq": 1042, "occurredAt": "2026-10-02T15:52:11.204Z",
             "actorId": "a3f1c9e2-4b7d-4e8a-9c0f-1d2e3f4a5b6c", "actorRoles": "therapist", "action": "READ",
             "resourceType": "SESSION", "resourceId": "9d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
             "allianceId": "3b9c2d1e-7f6a-4b5c-9d8e-1f2a3b4c5d6e", "outcome": "SUCCESS",
             "requestId": "4f6e2a1b-8c9d-4e0f-a1b2-c3d4e5f60718", "clientAddress": "10.0.4.17",
             "hash": "5d41402abc4b2a76b9719d911017c592a2b3c4d5e6f708192a3b4c5d6e7f8091", "keyId": "audit-2026"}""";
    public static final String AUDIT_PAGE = "{\"items\": [" + AUDIT_EVENT
            + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";
    public static final String AUDIT_VERIFIED = """
            {"intact": true, "eventsChecked": 1042, "firstFailure": null, "checkpointSeq": null}""";
    public static final String AUDIT_BROKEN = """
            {"intact": false, "eventsChecked": 310,
             "firstFailure": {"seq": 311, "eventId": "e7b2c4d6-1a3f-4b5c-8d9e-0f1a2b3c4d5e",
                              "reason": "the event's fields do not match its hash"}, "checkpointSeq": null}""";
    public static final String AUDIT_CHECKPOINT = """
            {"organizationId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", "seq": 1042,
             "hash": "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a0c2e4b6d8f0a2c4e6b8d0f",
             "issuedAt": "2026-10-02T16:00:00.125Z", "keyId": "audit-2026",
             "signature": "3e5a7c9b1d3f5e7a9c0b2d4f6e8a0c2e4b6d8f0a2c4e6b8d0f9f2c4e6a8b0d1f"}""";
    public static final String AUDIT_VERIFIED_AGAINST_CHECKPOINT = """
            {"intact": true, "eventsChecked": 1187, "firstFailure": null, "checkpointSeq": 1042}""";
    public static final String AUDIT_REWRITTEN = """
            {"intact": false, "eventsChecked": 1041,
             "firstFailure": {"seq": 1042, "eventId": "e7b2c4d6-1a3f-4b5c-8d9e-0f1a2b3c4d5e",
                              "reason": "the history up to the kept checkpoint was rewritten: this event no longer carries its hash"},
             "checkpointSeq": 1042}""";

    public static final String NEW_WEBHOOK = """
            {"url": "https://ehr.example.org/hooks/attune", "eventTypes": ["session.signed", "rupture.updated"]}""";
    public static final String WEBHOOK = """
            {"id": "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f", "url": "https://ehr.example.org/hooks/attune",
             "eventTypes": ["rupture.updated", "session.signed"], "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
             "createdAt": "2026-10-01T09:00:00Z"}""";
    public static final String WEBHOOK_PAGE = """
            {"items": [{"id": "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f", "url": "https://ehr.example.org/hooks/attune",
             "eventTypes": ["rupture.updated", "session.signed"], "secret": null, "createdAt": "2026-10-01T09:00:00Z"}],
             "page": 0, "size": 20, "totalItems": 1, "totalPages": 1}""";
    public static final String DELIVERY_PAGE = """
            {"items": [{"id": "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", "eventType": "session.signed", "cursor": "1041",
              "status": "DELIVERED", "createdAt": "2026-10-02T16:05:00Z", "nextAttemptAt": "2026-10-02T16:05:03Z",
              "deliveredAt": "2026-10-02T16:05:03Z",
              "attempts": [{"attempt": 1, "attemptedAt": "2026-10-02T16:05:01Z", "responseStatus": 503, "error": null, "durationMs": 41},
                           {"attempt": 2, "attemptedAt": "2026-10-02T16:05:03Z", "responseStatus": 204, "error": null, "durationMs": 12}]}],
             "page": 0, "size": 20, "totalItems": 1, "totalPages": 1}""";
    public static final String FHIR_BUNDLE = """
            {"resourceType": "Bundle", "type": "collection", "timestamp": "2026-10-02T16:10:00Z",
             "entry": [{"fullUrl": "urn:uuid:0b4ad3a4-5a7e-4a3d-9a57-1f0e2f8c6f21",
                        "resource": {"resourceType": "Patient", "identifier": [{"system":
                          "https://attune.app/fhir/NamingSystem/client-external-id", "value": "EHR-PT-10442"}],
                          "birthDate": "1991"}}]}""";
    public static final String FHIR_CODE_SYSTEM = """
            {"resourceType": "CodeSystem", "id": "rupture-marker", "url": "https://attune.app/fhir/CodeSystem/rupture-marker",
             "version": "1.0.0", "name": "RuptureMarkers", "status": "active", "caseSensitive": true, "content": "complete",
             "concept": [{"code": "DENIAL", "display": "Denial", "definition": "Denial (3RS W1, a withdrawal marker)"}]}""";
    public static final String FHIR_QUESTIONNAIRE = """
            {"resourceType": "Questionnaire", "id": "srs", "url": "https://attune.app/fhir/Questionnaire/srs",
             "version": "1.0.0", "name": "SRS", "title": "Session Rating Scale v3", "status": "active",
             "item": [{"linkId": "RELATIONSHIP", "text": "Relationship: felt heard, understood and respected",
                       "type": "decimal"}]}""";
    public static final String CHANGES = """
            {"changes": [{"cursor": "1041", "resourceType": "SESSION", "resourceId": "9d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
                          "allianceId": "3b9c2d1e-7f6a-4b5c-9d8e-1f2a3b4c5d6e", "action": "SIGN",
                          "eventType": "session.signed", "occurredAt": "2026-10-02T16:05:00Z"}],
             "nextCursor": "1041", "more": false}""";

    private static final String SUMMARY = """
            {"sessionsAttended": 5, "sessionsWithRupture": 2, "ruptureRate": 0.400,
             "ruptures": {"total": 3, "withdrawal": 1, "confrontation": 2, "mixed": 0},
             "resolved": 2, "resolutionRate": 0.667, "sameSessionResolutionRate": 0.500,
             "rupturesOutsideAttendedSessions": 1,
             "rupturesPerSession": {"withdrawal": 0.200, "confrontation": 0.200, "mixed": 0.000, "total": 0.400},
             "sessionsToRepair": {"median": 0.50, "q1": 0.25, "q3": 0.75},
             "daysToRepair": {"median": 3.50, "q1": 1.75, "q3": 5.25},
             "openRuptures": 1, "oldestOpenRuptureDays": 24, "unresolvedAtClose": 0,
             "strategyMix": {"ACKNOWLEDGE_OWN_CONTRIBUTION": 1, "PROVIDE_RATIONALE": 2}, "exploratoryShare": 0.333,
             "tagCounts": {"missed-session": 1}, "discrepancy": {"clientOnly": 1, "therapistOnly": 0, "observedOnly": 0},
             "srsTrend": -1.200, "vShapedEpisodes": 1, "unrecoveredDips": 0,
             "repairGain": {"count": 2, "median": 1.50, "shareRose": 1.000},
             "cosignature": {"awaiting": 0, "oldestDays": null},
             "atRisk": {"flag": true, "reasons": ["OPEN_RUPTURE_OVER_LIMIT", "FALLING_SRS_TREND"]}}""";
    public static final String REPORT = "{\"alliance\": " + ALLIANCE + ", \"sessions\": [{\"number\": 1, "
            + "\"occurredAt\": \"2026-09-03T15:00:00Z\", \"attendance\": \"ATTENDED\", "
            + "\"ruptures\": {\"total\": 1, \"withdrawal\": 0, \"confrontation\": 1, \"mixed\": 0}, "
            + "\"maxSignificance\": 4, \"repairs\": 1, \"srsTotal\": 34.5, \"srsByParticipant\": {}, \"orsTotal\": 21.0, "
            + "\"waiTotal\": null, \"waiSubscales\": null, \"waiByParticipant\": {}, \"flags\": [\"SRS_BELOW_CUTOFF\"]}], "
            + "\"ruptures\": [{\"id\": " + RUPTURE_ID + ", \"sessionNumber\": 1, \"surfacedAt\": \"2026-09-03T15:00:00Z\", "
            + "\"type\": \"CONFRONTATION\", \"reportedBy\": \"THERAPIST\", \"status\": \"RESOLVED\", \"sessionsToRepair\": 0, "
            + "\"daysToRepair\": 0.00, \"repairGain\": null}], \"summary\": " + SUMMARY + "}";
    public static final String REPORT_CSV = "number,occurredAt,attendance,rupturesTotal,withdrawal,confrontation,mixed,"
            + "maxSignificance,repairs,srsTotal,orsTotal,waiTotal,waiTask,waiBond,waiGoal,flags,srsByParticipant\r\n"
            + "1,2026-09-03T15:00Z,ATTENDED,1,0,1,0,4,1,34.5,21.0,,,,,SRS_BELOW_CUTOFF,\r\n";
    public static final String REPORT_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 820 420\" role=\"img\">"
            + "<title>Alliance course: Session Rating Scale by session</title>...</svg>";
    public static final String CASELOAD = "{\"items\": [{\"alliance\": " + ALLIANCE + ", \"summary\": " + SUMMARY + "}], "
            + "\"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";
    public static final String CASELOAD_CSV = "allianceId,clientId,therapistId,status,startedOn,atRisk,atRiskReasons,"
            + "sessionsAttended,ruptures,ruptureRate,resolutionRate,openRuptures,oldestOpenRuptureDays,unresolvedAtClose,"
            + "srsTrend,vShapedEpisodes\r\n"
            + "a3e8e0b2-7c4d-4f6a-9b1e-5d2c8f0a6b34,0b4ad3a4-5a7e-4a3d-9a57-1f0e2f8c6f21,6f1f5c1e-3e4b-4c1b-8a0e-2d9a0c7b5e10,"
            + "ACTIVE,2026-09-01,true,OPEN_RUPTURE_OVER_LIMIT;FALLING_SRS_TREND,5,3,0.400,0.667,1,24,0,-1.200,1\r\n";
    public static final String SUPERVISEES = "{\"items\": [{\"superviseeId\": \"6f1f5c1e-3e4b-4c1b-8a0e-2d9a0c7b5e10\", "
            + "\"displayName\": \"Alice Smith\", \"licensed\": false, \"alliances\": 12, \"alliancesAtRisk\": 2, "
            + "\"sessions\": 40, \"sessionsAttended\": 36, \"ruptureRate\": 0.250, \"ruptures\": 9, \"resolved\": 7, "
            + "\"resolutionRate\": 0.778, \"medianSessionsToRepair\": 1.00, \"medianDaysToRepair\": 7.00, "
            + "\"openRuptures\": 2, \"oldestOpenRuptureDays\": 23, \"meanSrs\": 35.50, \"shareBelowSrsCutoff\": 0.200, "
            + "\"cosignature\": {\"awaiting\": 1, \"oldestDays\": 3}}], "
            + "\"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";
    public static final String SUPERVISEES_CSV = "superviseeId,displayName,licensed,alliances,alliancesAtRisk,sessions,"
            + "sessionsAttended,ruptureRate,ruptures,resolved,resolutionRate,medianSessionsToRepair,medianDaysToRepair,"
            + "openRuptures,oldestOpenRuptureDays,meanSrs,shareBelowSrsCutoff,awaitingCosign,oldestAwaitingCosignDays\r\n"
            + "6f1f5c1e-3e4b-4c1b-8a0e-2d9a0c7b5e10,Alice Smith,false,12,2,40,36,0.250,9,7,0.778,1.00,7.00,2,23,35.50,0.200,1,3\r\n";
    public static final String REVIEW_QUEUE = "{\"items\": [{\"reason\": \"CLIENT_REPORTED_UNLOGGED\", "
            + "\"allianceId\": \"a3e8e0b2-7c4d-4f6a-9b1e-5d2c8f0a6b34\", \"therapistId\": \"6f1f5c1e-3e4b-4c1b-8a0e-2d9a0c7b5e10\", "
            + "\"sessionId\": \"5b8e2a71-0f3c-4d2e-9c6a-7e1d4b3a2f90\", \"sessionNumber\": 3, "
            + "\"occurredAt\": \"2026-09-17T15:00:00Z\", \"ruptureId\": null, \"daysOpen\": null}], "
            + "\"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";

    public static final String NEW_RESEARCH_EXPORT = """
            {"from": "2026-01-01", "to": "2026-06-30", "endedOnly": false}""";
    public static final String RESEARCH_EXPORT = """
            {"id": "7d3e9b20-1c4a-4f8e-a6b2-9e0d5c7f3a18", "status": "RUNNING", "from": "2026-01-01", "to": "2026-06-30",
             "endedOnly": false, "requestedBy": "a3f1c9e2-4b7d-4e8a-9c0f-1d2e3f4a5b6c",
             "createdAt": "2026-07-01T09:00:00Z", "rowsWritten": 12000, "rowsTotal": 48000, "percent": 25,
             "rowCounts": {}, "finishedAt": null, "expiresAt": null}""";

    private ApiExamples() {
    }
}
