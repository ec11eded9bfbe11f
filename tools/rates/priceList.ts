import { PriceListQuery } from "./priceListQueries";

/**
 * Reading `aws pricing get-products` output: `PriceList` is a list of JSON strings, one product each,
 * with `terms.OnDemand.<offer>.priceDimensions.<dimension>.pricePerUnit.USD` (Billing and Cost
 * Management User Guide, "Reading the service price list file"). Tiered rates have one dimension per
 * tier; the first tier (beginRange "0") is the one the table holds.
 */
interface PriceDimension {
    readonly unit?: string;
    readonly beginRange?: string;
    readonly description?: string;
    readonly pricePerUnit?: { readonly USD?: string };
}

interface Product {
    readonly product?: { readonly sku?: string };
    readonly terms?: { readonly OnDemand?: Record<string, { readonly priceDimensions?: Record<string, PriceDimension> }> };
}

export interface ListedPrice {
    readonly usd: number;
    readonly unit: string;
    readonly description: string;
}

/** The first-tier on-demand prices of every product in one get-products answer. */
export function listedPrices(answer: unknown): ListedPrice[] {
    const priceList: unknown = (answer as { PriceList?: unknown } | null)?.PriceList;
    if (!Array.isArray(priceList)) {
        return [];
    }
    const prices: ListedPrice[] = [];
    for (const entry of priceList) {
        const product: Product = (typeof entry === "string" ? JSON.parse(entry) : entry) as Product;
        for (const offer of Object.values(product.terms?.OnDemand ?? {})) {
            const dimensions: PriceDimension[] = Object.values(offer.priceDimensions ?? {});
            const first: PriceDimension | undefined = dimensions.find((d: PriceDimension) => (d.beginRange ?? "0") === "0") ?? dimensions[0];
            const usd: number = Number(first?.pricePerUnit?.USD);
            if (first && Number.isFinite(usd)) {
                prices.push({ usd, unit: first.unit ?? "", description: first.description ?? "" });
            }
        }
    }
    return prices;
}

/** `aws pricing get-products` arguments for a query (the Price List Query API answers in us-east-1). */
export function getProductsArguments(query: PriceListQuery): string[] {
    return [
        "pricing", "get-products", "--region", "us-east-1", "--service-code", query.serviceCode, "--output", "json",
        "--filters", ...Object.entries(query.filters).map(([field, value]) => `Type=TERM_MATCH,Field=${field},Value=${value}`),
    ];
}

export type Verdict = "same" | "different" | "not found" | "ambiguous";

export interface RateCheck {
    readonly id: string;
    readonly table: number;
    readonly listed?: number;
    readonly verdict: Verdict;
    readonly detail: string;
}

/**
 * The table's rate against what the Price List answered: the same (to a millionth of a dollar after
 * scaling), different, no product, or several different prices (the filter is too loose).
 */
export function compareRate(id: string, table: number, query: PriceListQuery, answer: unknown): RateCheck {
    const scale: number = query.scale ?? 1;
    const prices: ListedPrice[] = listedPrices(answer);
    const distinct: number[] = [...new Set(prices.map((p: ListedPrice) => round(p.usd * scale)))];
    if (distinct.length === 0) {
        return { id, table, verdict: "not found", detail: `no product matched ${query.serviceCode} ${JSON.stringify(query.filters)}` };
    }
    if (distinct.length > 1) {
        return { id, table, verdict: "ambiguous", detail: `${distinct.length} prices (${distinct.slice(0, 4).join(", ")}): narrow the filter` };
    }
    const listed: number = distinct[0];
    const unit: string = prices[0].unit;
    return Math.abs(listed - table) < 1e-6
        ? { id, table, listed, verdict: "same", detail: `${listed} per ${unit}${scale !== 1 ? ` x ${scale}` : ""}` }
        : { id, table, listed, verdict: "different", detail: `the Price List says ${listed} (per ${unit}${scale !== 1 ? ` x ${scale}` : ""}): ${prices[0].description}` };
}

const round = (n: number): number => Math.round(n * 1e9) / 1e9;
