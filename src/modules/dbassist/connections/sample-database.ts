import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SAMPLES_SUBDIR } from '../drivers/host-guard.js';
import { seededRandom } from '../../../core/text/index.js';

/**
 * The sample database a new organization can try the assistant on at once: a small shop in an embedded SQLite file
 * (nothing to install) with the things documentation, lint and ER diagrams have to show — primary and foreign keys,
 * indexes, a unique and check constraints, a view and a trigger. Its rows come from a seeded generator, so every
 * organization's copy is the same.
 */

const SCHEMA = `
CREATE TABLE categories (
  category_id INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  parent_id   INTEGER REFERENCES categories (category_id) ON DELETE SET NULL
);

CREATE TABLE suppliers (
  supplier_id  INTEGER PRIMARY KEY,
  company_name TEXT NOT NULL,
  country      TEXT NOT NULL,
  contact_email TEXT
);

CREATE TABLE products (
  product_id   INTEGER PRIMARY KEY,
  sku          TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  category_id  INTEGER NOT NULL REFERENCES categories (category_id),
  supplier_id  INTEGER REFERENCES suppliers (supplier_id) ON DELETE SET NULL,
  unit_price   NUMERIC(10, 2) NOT NULL CONSTRAINT products_price_not_negative CHECK (unit_price >= 0),
  stock        INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
  discontinued INTEGER NOT NULL DEFAULT 0 CHECK (discontinued IN (0, 1))
);
CREATE INDEX products_category_idx ON products (category_id);
CREATE INDEX products_supplier_idx ON products (supplier_id);

CREATE TABLE customers (
  customer_id INTEGER PRIMARY KEY,
  email       TEXT NOT NULL,
  full_name   TEXT NOT NULL,
  city        TEXT,
  country     TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  CONSTRAINT customers_email_unique UNIQUE (email)
);

CREATE TABLE orders (
  order_id    INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  status      TEXT NOT NULL DEFAULT 'placed' CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')),
  ordered_at  TEXT NOT NULL,
  shipped_at  TEXT,
  updated_at  TEXT
);
CREATE INDEX orders_customer_idx ON orders (customer_id, ordered_at);
CREATE INDEX orders_open_idx ON orders (ordered_at) WHERE status IN ('placed', 'paid');

CREATE TABLE order_items (
  order_id   INTEGER NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
  line_no    INTEGER NOT NULL,
  product_id INTEGER NOT NULL REFERENCES products (product_id),
  quantity   INTEGER NOT NULL CHECK (quantity > 0),
  unit_price NUMERIC(10, 2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_items_product_idx ON order_items (product_id);

CREATE TABLE reviews (
  review_id   INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products (product_id) ON DELETE CASCADE,
  customer_id INTEGER REFERENCES customers (customer_id) ON DELETE SET NULL,
  rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body        TEXT,
  created_at  TEXT NOT NULL
);
CREATE INDEX reviews_product_idx ON reviews (product_id);

CREATE VIEW order_totals AS
  SELECT o.order_id, o.customer_id, o.status, o.ordered_at,
         count(i.line_no) AS line_count, round(sum(i.quantity * i.unit_price), 2) AS total
  FROM orders o LEFT JOIN order_items i ON i.order_id = o.order_id
  GROUP BY o.order_id;

CREATE TRIGGER orders_touch_updated_at AFTER UPDATE OF status ON orders
BEGIN
  UPDATE orders SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE order_id = NEW.order_id;
END;
`;


const firstNames = ['Ada', 'Bruno', 'Chloé', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Keiko', 'Liam', 'Maya', 'Nils', 'Olga', 'Priya'];
const lastNames = ['Martin', 'Okafor', 'Schmidt', 'Rossi', 'Nakamura', 'Silva', 'Dubois', 'Kowalski', 'Haddad', 'Larsen', 'Moreau', 'Patel'];
const places: Array<[string, string]> = [
  ['Lyon', 'France'],
  ['Berlin', 'Germany'],
  ['Porto', 'Portugal'],
  ['Osaka', 'Japan'],
  ['Austin', 'United States'],
  ['Toronto', 'Canada'],
  ['Milan', 'Italy'],
  ['Gdańsk', 'Poland'],
];
const categoryTree: Array<[string, string | null]> = [
  ['Kitchen', null],
  ['Cookware', 'Kitchen'],
  ['Tableware', 'Kitchen'],
  ['Garden', null],
  ['Tools', 'Garden'],
  ['Outdoor furniture', 'Garden'],
  ['Stationery', null],
  ['Notebooks', 'Stationery'],
];
const productWords = ['Oak', 'Steel', 'Linen', 'Copper', 'Stoneware', 'Bamboo', 'Walnut', 'Cast-iron', 'Recycled', 'Glazed'];
const productKinds: Record<string, string[]> = {
  Cookware: ['skillet', 'saucepan', 'dutch oven', 'wok'],
  Tableware: ['plate set', 'mug', 'serving bowl', 'carafe'],
  Tools: ['trowel', 'pruner', 'rake', 'watering can'],
  'Outdoor furniture': ['bench', 'folding chair', 'side table', 'planter'],
  Notebooks: ['dotted notebook', 'sketchbook', 'planner', 'ledger'],
};
const reviewTexts = ['Exactly as described.', 'Sturdy and well made.', 'Arrived late but works fine.', 'Would buy again.', 'Smaller than expected.', null];
const statuses = ['placed', 'paid', 'shipped', 'delivered', 'delivered', 'delivered', 'cancelled'];

function isoDay(start: Date, offsetDays: number): string {
  return new Date(start.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 19) + 'Z';
}

/** Writes the sample shop to `file` (replacing it), through a temporary file so a reader never sees half of it. */
export function writeSampleDatabase(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  const db = new Database(temporary);
  try {
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA);
    const random = seededRandom(20_240_611);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
    const start = new Date(Date.UTC(2024, 0, 1));

    db.transaction(() => {
      const categoryIds = new Map<string, number>();
      const insertCategory = db.prepare('INSERT INTO categories (category_id, name, parent_id) VALUES (?, ?, ?)');
      categoryTree.forEach(([name, parent], index) => {
        categoryIds.set(name, index + 1);
        insertCategory.run(index + 1, name, parent ? categoryIds.get(parent)! : null);
      });

      const insertSupplier = db.prepare('INSERT INTO suppliers (supplier_id, company_name, country, contact_email) VALUES (?, ?, ?, ?)');
      for (let id = 1; id <= 10; id++) {
        const name = `${pick(lastNames)} ${pick(['Works', 'Trading', 'Atelier', 'Supply'])}`;
        insertSupplier.run(id, name, pick(places)[1], random() < 0.8 ? `orders${id}@supplier${id}.example` : null);
      }

      const insertProduct = db.prepare(
        'INSERT INTO products (product_id, sku, name, category_id, supplier_id, unit_price, stock, discontinued) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const prices: number[] = [0];
      let productId = 0;
      for (const [category, kinds] of Object.entries(productKinds)) {
        for (const kind of kinds) {
          for (let variant = 0; variant < 3; variant++) {
            productId++;
            const price = Math.round((5 + random() * 195) * 100) / 100;
            prices[productId] = price;
            insertProduct.run(
              productId,
              `SKU-${String(productId).padStart(4, '0')}`,
              `${pick(productWords)} ${kind}`,
              categoryIds.get(category)!,
              random() < 0.9 ? between(1, 10) : null,
              price,
              between(0, 250),
              random() < 0.08 ? 1 : 0,
            );
          }
        }
      }

      const insertCustomer = db.prepare('INSERT INTO customers (customer_id, email, full_name, city, country, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      const customerCount = 150;
      for (let id = 1; id <= customerCount; id++) {
        const first = pick(firstNames);
        const last = pick(lastNames);
        const [city, country] = pick(places);
        insertCustomer.run(id, `${first}.${last}.${id}@mail.example`.toLowerCase(), `${first} ${last}`, random() < 0.9 ? city : null, country, isoDay(start, between(0, 120)));
      }

      const insertOrder = db.prepare('INSERT INTO orders (order_id, customer_id, status, ordered_at, shipped_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
      const insertItem = db.prepare('INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price) VALUES (?, ?, ?, ?, ?)');
      for (let id = 1; id <= 500; id++) {
        const day = between(30, 360);
        const status = pick(statuses);
        const shipped = status === 'shipped' || status === 'delivered' ? isoDay(start, day + between(1, 5)) : null;
        insertOrder.run(id, between(1, customerCount), status, isoDay(start, day), shipped, null);
        const lines = between(1, 4);
        for (let line = 1; line <= lines; line++) {
          const product = between(1, productId);
          insertItem.run(id, line, product, between(1, 5), prices[product]!);
        }
      }

      const insertReview = db.prepare('INSERT INTO reviews (review_id, product_id, customer_id, rating, body, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      for (let id = 1; id <= 240; id++) {
        insertReview.run(id, between(1, productId), random() < 0.95 ? between(1, customerCount) : null, between(1, 5), pick(reviewTexts), isoDay(start, between(60, 400)));
      }
    })();
    // Row estimates for the crawl (SQLite keeps them in sqlite_stat1 only after ANALYZE).
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
  fs.renameSync(temporary, file);
}

/** DATA_DIR/dbassist/samples/<organizationId>.sqlite */
export function sampleDatabasePath(dataDir: string, organizationId: string): string {
  return path.join(path.resolve(dataDir), SAMPLES_SUBDIR, `${organizationId}.sqlite`);
}
