/**
 * EventBridge schedule expressions, checked the way EventBridge checks them (PutRule), so a stack
 * fails at validation instead of halfway through `pulumi up`:
 * - rate(<value> <unit>): value a positive integer, unit minute|hour|day, singular exactly when value is 1;
 * - cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>): six fields, and exactly
 *   one of day-of-month and day-of-week is "?" (EventBridge rejects both and neither).
 * Source: EventBridge User Guide, "Schedule expressions for rules" (checked 2026-12-01).
 */
export const SCHEDULE_ALLOWED = "rate(<n> minute[s]|hour[s]|day[s]) (singular only for 1) or cron(<min> <hour> <day-of-month> <month> <day-of-week> <year>) with exactly one of day-of-month and day-of-week set to ?";

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\((.+)\)$/;

interface CronField {
    readonly name: string;
    readonly min: number;
    readonly max: number;
    /** Characters besides digits, "," "-" "*" "/" that the field accepts. */
    readonly extra: string;
    readonly names?: readonly string[];
}

const MONTHS: readonly string[] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS: readonly string[] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

const CRON_FIELDS: readonly CronField[] = [
    { name: "minutes", min: 0, max: 59, extra: "" },
    { name: "hours", min: 0, max: 23, extra: "" },
    { name: "day-of-month", min: 1, max: 31, extra: "?LW" },
    { name: "month", min: 1, max: 12, extra: "", names: MONTHS },
    { name: "day-of-week", min: 1, max: 7, extra: "?L#", names: DAYS },
    { name: "year", min: 1970, max: 2199, extra: "" },
];

/** undefined when EventBridge would accept the expression, else what is wrong with it. */
export function scheduleProblem(expression: string): string | undefined {
    const rate = RATE.exec(expression);
    if (rate) {
        const value = Number(rate[1]);
        const plural: boolean = rate[2].endsWith("s");
        if (value < 1) {
            return "the rate must be at least 1";
        }
        if (value === 1 && plural) {
            return `rate(1 ${rate[2].slice(0, -1)}) (a value of 1 takes the singular unit)`;
        }
        if (value > 1 && !plural) {
            return `rate(${value} ${rate[2]}s) (a value above 1 takes the plural unit)`;
        }
        return undefined;
    }
    const cron = CRON.exec(expression);
    if (!cron) {
        return "an expression starting with rate( or cron(";
    }
    const fields: string[] = cron[1].trim().split(/\s+/);
    if (fields.length !== 6) {
        return `six cron fields (minutes hours day-of-month month day-of-week year), got ${fields.length}`;
    }
    for (let i = 0; i < fields.length; i++) {
        const problem: string | undefined = cronFieldProblem(CRON_FIELDS[i], fields[i]);
        if (problem) {
            return problem;
        }
    }
    const dayOfMonthAny: boolean = fields[2] === "?";
    const dayOfWeekAny: boolean = fields[4] === "?";
    if (dayOfMonthAny === dayOfWeekAny) {
        return "exactly one of day-of-month and day-of-week set to ? (EventBridge cannot combine both, and needs one)";
    }
    return undefined;
}

function cronFieldProblem(field: CronField, text: string): string | undefined {
    const upper: string = text.toUpperCase();
    const names: readonly string[] = field.names ?? [];
    const withoutNames: string = names.reduce((acc: string, name: string) => acc.split(name).join("1"), upper);
    const allowed = new RegExp(`^[0-9,\\-*/${field.extra.replace(/[?#]/g, "\\$&")}]+$`);
    if (!allowed.test(withoutNames)) {
        return `a valid ${field.name} field (got "${text}")`;
    }
    if (text.includes("?") && text !== "?") {
        return `"?" alone in the ${field.name} field`;
    }
    for (const number of withoutNames.split(/[^0-9]+/).filter((part: string) => part.length > 0)) {
        const value = Number(number);
        // Step values after "/" and the nth weekday after "#" are not field values.
        if (upper.includes("/") || upper.includes("#")) {
            continue;
        }
        if (value < field.min || value > field.max) {
            return `${field.name} values from ${field.min} to ${field.max} (got ${value})`;
        }
    }
    return undefined;
}
