import { compareIds } from './compareIds';
import { roundMoney } from './roundMoney';

/**
 * Per-customer totals over the window, indexed like `ParsedSales.customerIds`. Typed arrays, added up row by
 * row as the sales are parsed ({@link SalesTotals}), then one linear pass over the purchases grouped by
 * customer for distinct purchase days and orders.
 */
export interface CustomerAggregates {
  revenue: Float64Array;
  /** Σ profit (or Σ amount − cost); all zero when the sales have neither. */
  profit: Float64Array;
  orders: Int32Array;
  purchaseDays: Int32Array;
  /** First and last day with amount > 0 in the window; −1 when none. */
  firstPurchase: Int32Array;
  lastPurchase: Int32Array;
  /** 1 when the customer has any sales row (any amount) inside the window */
  hasSalesInWindow: Uint8Array;
  /** 1 when the customer has any sales row up to the as-of date. */
  seenUpToAsOf: Uint8Array;
  /** Latest day with amount > 0 up to the as-of date, in or before the window; −1 when none. */
  lastPurchaseEver: Int32Array;
  /** Profit (or revenue) of every row up to the as-of date: historical lifetime value. */
  lifetimeValue: Float64Array;
  /** Interned rep of the customer's latest row up to the as-of date, −1 when none. */
  latestRep: Int32Array;
  usedRows: number;
  afterAsOfRows: number;
  beforeWindowRows: number;
}

/** The as-of date and the window's first day; null = every row counts (the window holds them all). */
export type SalesBounds = { asOf: number; start: number } | null;

/**
 * Adds up sales per customer while they are parsed, so no per-row arrays are kept. In the window:
 * revenue = Σ amount (returns reduce it); profit = Σ profit; purchase days = distinct dates with amount > 0;
 * orders = distinct order ids with amount > 0 when an order-id column is mapped, else purchase days;
 * first/last purchase over amount > 0. Rows after the as-of date are ignored and counted; rows before the
 * window count only towards lifetime value. Money totals are rounded with {@link roundMoney} so they do not
 * depend on row order.
 */
export class SalesTotals {
  // Interleaved per customer, so a row touches one or two cache lines: money = revenue, profit, lifetime
  // value (stride 3); days = first purchase, last purchase, last purchase ever, latest rep's day, flags
  // (stride 5; flags: 1 = seen up to the as-of date, 2 = has sales in the window).
  private readonly money: Float64Array;
  private readonly days: Int32Array;
  private readonly latestRep: Int32Array;
  private amounts: Float64Array = new Float64Array(0);
  private profits: Float64Array | null = null;
  // Purchases (rows with amount > 0 in the window) as customer, day and order, grouped by customer at the
  // end to count distinct days and orders.
  private purchaseCustomer: Int32Array;
  private purchaseDay: Int32Array;
  private purchaseOrder: Int32Array;
  private purchases = 0;
  private lastCustomer = -1;
  private lastDay = -1;
  private lastOrder = -1;
  private readonly asOf: number;
  private readonly start: number;
  usedRows = 0;
  afterAsOfRows = 0;
  beforeWindowRows = 0;

  /**
   * @param capacity Most customers there can be (e.g. distinct id values).
   * @param rows Rows there will be at most.
   * @param reps Interned rep names (read for ties between reps on the same day).
   */
  constructor(
    capacity: number,
    rows: number,
    bounds: SalesBounds,
    private readonly withOrders: boolean,
    private readonly reps: readonly string[],
  ) {
    this.asOf = bounds === null ? Number.POSITIVE_INFINITY : bounds.asOf;
    this.start = bounds === null ? Number.NEGATIVE_INFINITY : bounds.start;
    this.money = new Float64Array(3 * capacity);
    this.days = new Int32Array(5 * capacity).fill(-1);
    for (let c = 0; c < capacity; c++) this.days[5 * c + 4] = 0;
    this.latestRep = new Int32Array(capacity).fill(-1);
    const room = Math.min(rows, 1 << 16);
    this.purchaseCustomer = new Int32Array(room);
    this.purchaseDay = new Int32Array(room);
    this.purchaseOrder = new Int32Array(withOrders ? room : 0);
  }

  /**
   * Where {@link add} finds each row's amount and profit (by row number): typed arrays, so no number is
   * boxed on the way.
   *
   * @param profits Row profits; null when the sales have none (lifetime value then adds amounts).
   */
  readRowsFrom(amounts: Float64Array, profits: Float64Array | null): void {
    this.amounts = amounts;
    this.profits = profits;
  }

  /**
   * Adds one usable row.
   *
   * @param row The row's index in the arrays given to {@link readRowsFrom}.
   * @param order The row's order (−1 when blank or not mapped).
   * @param rep The row's interned rep (−1 when blank or not mapped).
   */
  add(c: number, day: number, row: number, order: number, rep: number): void {
    if (day > this.asOf) {
      this.afterAsOfRows++;
      return;
    }
    const { money, days, profits } = this;
    const amount = this.amounts[row]!;
    const profit = profits === null ? 0 : profits[row]!;
    const m = 3 * c;
    const d = 5 * c;
    days[d + 4] = days[d + 4]! | 1;
    money[m + 2] = money[m + 2]! + (profits === null ? amount : profit);
    if (amount > 0 && day > days[d + 2]!) days[d + 2] = day;
    if (rep >= 0) this.addRep(c, day, rep);
    if (day < this.start) {
      this.beforeWindowRows++;
      return;
    }
    this.usedRows++;
    days[d + 4] = days[d + 4]! | 2;
    money[m] = money[m]! + amount;
    money[m + 1] = money[m + 1]! + profit;
    if (amount > 0) this.addPurchase(c, day, order);
  }

  /** The rep of the latest row; on the same day the smaller name, so row order does not matter. */
  private addRep(c: number, day: number, rep: number): void {
    const d = 5 * c;
    const latest = this.days[d + 3]!;
    if (day > latest || (day === latest && compareIds(this.reps[rep]!, this.reps[this.latestRep[c]!]!) < 0)) {
      this.latestRep[c] = rep;
      this.days[d + 3] = day;
    }
  }

  /** A row with amount > 0 in the window: first and last purchase, and a purchase record. */
  private addPurchase(c: number, day: number, order: number): void {
    const { days } = this;
    const d = 5 * c;
    if (days[d] === -1 || day < days[d]!) days[d] = day;
    if (day > days[d + 1]!) days[d + 1] = day;
    // The lines of one order come together: a line repeating the previous purchase's customer, day and
    // order adds no distinct day or order, so only the first is kept for the distinct counts.
    if (c === this.lastCustomer && day === this.lastDay && order === this.lastOrder) return;
    if (this.purchases === this.purchaseCustomer.length) this.growPurchases();
    this.purchaseCustomer[this.purchases] = c;
    this.purchaseDay[this.purchases] = day;
    if (this.withOrders) this.purchaseOrder[this.purchases] = order;
    this.purchases++;
    this.lastCustomer = c;
    this.lastDay = day;
    this.lastOrder = order;
  }

  private growPurchases(): void {
    const grow = (array: Int32Array): Int32Array => {
      const bigger = new Int32Array(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.purchaseCustomer = grow(this.purchaseCustomer);
    this.purchaseDay = grow(this.purchaseDay);
    if (this.withOrders) this.purchaseOrder = grow(this.purchaseOrder);
  }

  /**
   * The totals of customers 0…customers−1, renumbered: customer c's totals land at `renumber[c]`.
   *
   * @param minDay Earliest day of a purchase added (days are counted from it).
   * @param maxDay Latest day of a purchase added.
   * @param orderCodes Upper bound of the order integers.
   */
  finish(
    customers: number,
    renumber: Int32Array,
    minDay: number,
    maxDay: number,
    orderCodes: number,
  ): CustomerAggregates {
    const revenue = new Float64Array(customers);
    const profit = new Float64Array(customers);
    const lifetimeValue = new Float64Array(customers);
    const firstPurchase = new Int32Array(customers);
    const lastPurchase = new Int32Array(customers);
    const lastPurchaseEver = new Int32Array(customers);
    const hasSalesInWindow = new Uint8Array(customers);
    const seenUpToAsOf = new Uint8Array(customers);
    const latestRep = new Int32Array(customers);
    for (let c = 0; c < customers; c++) {
      const to = renumber[c]!;
      const m = 3 * c;
      const d = 5 * c;
      revenue[to] = roundMoney(this.money[m]!);
      profit[to] = roundMoney(this.money[m + 1]!);
      lifetimeValue[to] = roundMoney(this.money[m + 2]!);
      firstPurchase[to] = this.days[d]!;
      lastPurchase[to] = this.days[d + 1]!;
      lastPurchaseEver[to] = this.days[d + 2]!;
      seenUpToAsOf[to] = this.days[d + 4]! & 1;
      hasSalesInWindow[to] = (this.days[d + 4]! >> 1) & 1;
      latestRep[to] = this.latestRep[c]!;
    }
    const { orders, purchaseDays } = this.countDistinct(customers, renumber, minDay, maxDay, orderCodes);
    return {
      revenue,
      profit,
      orders,
      purchaseDays,
      firstPurchase,
      lastPurchase,
      hasSalesInWindow,
      seenUpToAsOf,
      lastPurchaseEver,
      lifetimeValue,
      latestRep,
      usedRows: this.usedRows,
      afterAsOfRows: this.afterAsOfRows,
      beforeWindowRows: this.beforeWindowRows,
    };
  }

  /**
   * Counting sort of the purchases by (renumbered) customer, then distinct days and orders per customer
   * with stamp arrays (stamp = customer + 1 marks "already counted for this customer"): linear and exact.
   */
  private countDistinct(
    customers: number,
    renumber: Int32Array,
    minDay: number,
    maxDay: number,
    orderCodes: number,
  ): { orders: Int32Array; purchaseDays: Int32Array } {
    const n = this.purchases;
    const starts = new Int32Array(customers + 1);
    for (let k = 0; k < n; k++) starts[renumber[this.purchaseCustomer[k]!]! + 1]!++;
    for (let c = 0; c < customers; c++) starts[c + 1] = starts[c + 1]! + starts[c]!;
    const groupedDay = new Int32Array(n);
    const groupedOrder = new Int32Array(this.withOrders ? n : 0);
    const next = starts.slice(0, customers);
    for (let k = 0; k < n; k++) {
      const c = renumber[this.purchaseCustomer[k]!]!;
      const at = next[c]!;
      groupedDay[at] = this.purchaseDay[k]!;
      if (this.withOrders) groupedOrder[at] = this.purchaseOrder[k]!;
      next[c] = at + 1;
    }
    const orders = new Int32Array(customers);
    const purchaseDays = new Int32Array(customers);
    const dayStamp = new Int32Array(n === 0 ? 0 : maxDay - minDay + 1);
    const orderStamp = new Int32Array(this.withOrders ? orderCodes : 0);
    for (let c = 0; c < customers; c++) {
      const stamp = c + 1;
      let days = 0;
      let distinctOrders = 0;
      for (let k = starts[c]!; k < starts[c + 1]!; k++) {
        const offset = groupedDay[k]! - minDay;
        if (dayStamp[offset] !== stamp) {
          dayStamp[offset] = stamp;
          days++;
        }
        if (this.withOrders) {
          const order = groupedOrder[k]!;
          if (order >= 0 && orderStamp[order] !== stamp) {
            orderStamp[order] = stamp;
            distinctOrders++;
          }
        }
      }
      purchaseDays[c] = days;
      orders[c] = this.withOrders ? distinctOrders : days;
    }
    return { orders, purchaseDays };
  }
}
