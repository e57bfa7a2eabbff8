import { compareIds } from './compareIds';
import type { ParsedSales } from './parseSales';
import { roundMoney } from './roundMoney';
import type { AnalysisWindow } from './types';

/**
 * Per-customer totals over the window, indexed like `ParsedSales.customerIds`. Typed arrays, one pass over
 * the rows plus a linear pass over purchases grouped by customer for distinct purchase days and orders.
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

/**
 * Aggregates sales per customer. In the window: revenue = Σ amount (returns reduce it); profit = Σ profit;
 * purchase days = distinct dates with amount > 0; orders = distinct order ids with amount > 0 when an
 * order-id column is mapped, else purchase days; first/last purchase over amount > 0. Rows after the
 * as-of date are ignored and counted; rows before the window count only towards lifetime value. Money
 * totals are rounded with {@link roundMoney} so they do not depend on row order.
 */
export function aggregateCustomers(
  sales: ParsedSales,
  asOf: number,
  span: AnalysisWindow,
): CustomerAggregates {
  const first = span.start;
  const customers = sales.customerIds.length;
  const revenue = new Float64Array(customers);
  const profit = new Float64Array(customers);
  const orders = new Int32Array(customers);
  const purchaseDays = new Int32Array(customers);
  const firstPurchase = new Int32Array(customers).fill(-1);
  const lastPurchase = new Int32Array(customers).fill(-1);
  const hasSalesInWindow = new Uint8Array(customers);
  const seenUpToAsOf = new Uint8Array(customers);
  const lastPurchaseEver = new Int32Array(customers).fill(-1);
  const lifetimeValue = new Float64Array(customers);
  const latestRep = new Int32Array(customers).fill(-1);
  const latestRepDay = new Int32Array(customers).fill(-1);
  const { rowCustomer, rowDay, rowAmount, rowProfit, rowOrder, rowRep } = sales;
  // Purchases (rows with amount > 0 in the window) as customer, day and order, grouped by customer below
  // to count distinct days and orders.
  const purchaseCustomer = new Int32Array(sales.count);
  const purchaseDay = new Int32Array(sales.count);
  const purchaseOrder = new Int32Array(rowOrder === null ? 0 : sales.count);
  const purchaseCount = new Int32Array(customers + 1);
  let purchases = 0;
  let lastCustomer = -1;
  let lastDay = -1;
  let lastOrder = -1;
  let usedRows = 0;
  let afterAsOfRows = 0;
  let beforeWindowRows = 0;

  for (let i = 0; i < sales.count; i++) {
    const day = rowDay[i]!;
    if (day > asOf) {
      afterAsOfRows++;
      continue;
    }
    const c = rowCustomer[i]!;
    const amount = rowAmount[i]!;
    const rowValue = rowProfit === null ? amount : rowProfit[i]!;
    seenUpToAsOf[c] = 1;
    lifetimeValue[c] = lifetimeValue[c]! + rowValue;
    if (amount > 0 && day > lastPurchaseEver[c]!) lastPurchaseEver[c] = day;
    // The rep of the latest row; on the same day the smaller name, so row order does not matter.
    if (
      rowRep !== null &&
      rowRep[i]! >= 0 &&
      (day > latestRepDay[c]! ||
        (day === latestRepDay[c]! && compareIds(sales.reps[rowRep[i]!]!, sales.reps[latestRep[c]!]!) < 0))
    ) {
      latestRep[c] = rowRep[i]!;
      latestRepDay[c] = day;
    }
    if (day < first) {
      beforeWindowRows++;
      continue;
    }
    usedRows++;
    hasSalesInWindow[c] = 1;
    revenue[c] = revenue[c]! + amount;
    if (rowProfit !== null) profit[c] = profit[c]! + rowProfit[i]!;
    if (amount > 0) {
      if (firstPurchase[c] === -1 || day < firstPurchase[c]!) firstPurchase[c] = day;
      if (day > lastPurchase[c]!) lastPurchase[c] = day;
      // The lines of one order come together: a line repeating the previous purchase's customer, day and
      // order adds no distinct day or order, so only the first is kept for the distinct counts.
      const order = rowOrder === null ? -1 : rowOrder[i]!;
      if (c !== lastCustomer || day !== lastDay || order !== lastOrder) {
        purchaseCustomer[purchases] = c;
        purchaseDay[purchases] = day;
        if (rowOrder !== null) purchaseOrder[purchases] = order;
        purchases++;
        purchaseCount[c + 1] = purchaseCount[c + 1]! + 1;
        lastCustomer = c;
        lastDay = day;
        lastOrder = order;
      }
    }
  }

  // Counting sort of the purchase rows by customer, then distinct days and orders per customer with stamp
  // arrays (stamp = customer + 1 marks "already counted for this customer"): linear and exact.
  for (let c = 0; c < customers; c++) purchaseCount[c + 1] = purchaseCount[c + 1]! + purchaseCount[c]!;
  const groupedDay = new Int32Array(purchases);
  const groupedOrder = new Int32Array(rowOrder === null ? 0 : purchases);
  const next = purchaseCount.slice(0, customers);
  for (let k = 0; k < purchases; k++) {
    const c = purchaseCustomer[k]!;
    const at = next[c]!;
    groupedDay[at] = purchaseDay[k]!;
    if (rowOrder !== null) groupedOrder[at] = purchaseOrder[k]!;
    next[c] = at + 1;
  }
  const dayStamp = new Int32Array(span.end - first + 1);
  const orderStamp = new Int32Array(rowOrder === null ? 0 : sales.orderCodes);
  for (let c = 0; c < customers; c++) {
    const stamp = c + 1;
    let days = 0;
    let distinctOrders = 0;
    for (let k = purchaseCount[c]!; k < purchaseCount[c + 1]!; k++) {
      const offset = groupedDay[k]! - first;
      if (dayStamp[offset] !== stamp) {
        dayStamp[offset] = stamp;
        days++;
      }
      if (rowOrder !== null) {
        const order = groupedOrder[k]!;
        if (order >= 0 && orderStamp[order] !== stamp) {
          orderStamp[order] = stamp;
          distinctOrders++;
        }
      }
    }
    purchaseDays[c] = days;
    orders[c] = rowOrder === null ? days : distinctOrders;
    revenue[c] = roundMoney(revenue[c]!);
    profit[c] = roundMoney(profit[c]!);
    lifetimeValue[c] = roundMoney(lifetimeValue[c]!);
  }

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
    usedRows,
    afterAsOfRows,
    beforeWindowRows,
  };
}
