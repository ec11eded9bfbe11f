/**
 * How often a schedule expression runs, for AWS Backup plans and restore testing plans: the cost
 * estimate counts recovery points and restore jobs with it, and the configuration checks that restore
 * tests always find a recovery point inside their selection window.
 */
/** An average month: what a monthly estimate multiplies daily runs by. */
export const DAYS_PER_MONTH = 365 / 12;

/** Restore tests pick the latest recovery point created in this many days (infra/components/data/backup.ts). */
export const RESTORE_TEST_SELECTION_WINDOW_DAYS = 7;

/**
 * How often an AWS Backup schedule runs, in runs a day, from its cron or rate expression
 * (cron(minutes hours day-of-month month day-of-week year)): every day unless a day of the week or
 * of the month narrows it. Unreadable expressions count as daily, the common and the dearer case.
 */
export function runsPerDayOf(expression: string): number {
    const rate: RegExpMatchArray | null = /^rate\((\d+)\s+(minutes?|hours?|days?)\)$/.exec(expression.trim());
    if (rate) {
        const n: number = Number(rate[1]);
        return rate[2].startsWith("minute") ? 1440 / n : rate[2].startsWith("hour") ? 24 / n : 1 / n;
    }
    const cron: RegExpMatchArray | null = /^cron\((.*)\)$/.exec(expression.trim());
    const fields: string[] = cron ? cron[1].trim().split(/\s+/) : [];
    if (fields.length !== 6) {
        return 1;
    }
    const [, hoursField, dayOfMonth, month, dayOfWeek] = fields;
    const perDay: number = hoursField === "*" ? 24 : hoursField.split(",").length;
    const monthShare: number = month === "*" || month === "?" ? 1 : month.split(",").length / 12;
    if (dayOfWeek !== "*" && dayOfWeek !== "?") {
        // SAT#1 (the first Saturday) and 6L (the last Friday) are once a month each.
        const days: string[] = dayOfWeek.split(",");
        const monthly: number = days.filter((d: string) => /#\d$|L$/.test(d)).length;
        return perDay * ((days.length - monthly) / 7 + monthly / DAYS_PER_MONTH) * monthShare;
    }
    if (dayOfMonth !== "*" && dayOfMonth !== "?") {
        return perDay * (dayOfMonth.split(",").length / DAYS_PER_MONTH) * monthShare;
    }
    return perDay * monthShare;
}
