/**
 * The static shape of the catalog: top-level categories with their SKU prefix, subcategories with
 * name templates and price bands, and the brands. Names are assembled from templates rather than
 * faker's commerce words because "Ergonomic Granite Chair" would break the spare-parts illusion.
 */

/** A template is a list of parts; a string is literal, an array is a choice of one of its items. */
export type NamePart = string | readonly string[];

export interface SubcategorySpec {
  name: string;
  /** Price band of the list price in whole dollars; the draw is skewed towards `min`. */
  price: readonly [min: number, max: number];
  unit: 'EA' | 'BOX' | 'M' | 'SET';
  templates: readonly (readonly NamePart[])[];
  /** Relative share of the products; fasteners and bearings dominate a real MRO catalog. */
  weight?: number;
}

export interface TopCategorySpec {
  name: string;
  skuPrefix: string;
  features: readonly string[];
  subcategories: readonly SubcategorySpec[];
}

/** The numbers `from`..`to` (inclusive, by `step`) as strings, zero-padded to `pad` digits. */
function range(from: number, to: number, step = 1, pad = 0): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n += step) out.push(String(n).padStart(pad, '0'));
  return out;
}

const METRIC = ['M4', 'M5', 'M6', 'M8', 'M10', 'M12', 'M16', 'M20', 'M24'];
const IMPERIAL = ['#10-24', '1/4"-20', '5/16"-18', '3/8"-16', '1/2"-13', '5/8"-11', '3/4"-10'];
const LENGTHS_MM = ['10', '12', '16', '20', '25', '30', '35', '40', '50', '60', '70', '80', '100', '120'];
const BORE_IN = ['1/2"', '5/8"', '3/4"', '7/8"', '1"', '1-1/4"', '1-1/2"', '1-3/4"', '2"'];
const DASH = ['-4', '-6', '-8', '-10', '-12', '-16', '-20'];
const NPT = ['1/8" NPT', '1/4" NPT', '3/8" NPT', '1/2" NPT', '3/4" NPT', '1" NPT'];
const BORE_MM = ['16', '20', '25', '32', '40', '50', '63', '80', '100'];
const STROKE_MM = ['25', '50', '75', '100', '125', '160', '200', '250', '300'];
const VOLTS = ['24 VDC', '24 VAC', '120 VAC', '230 VAC'];
const HP = ['1/4 HP', '1/3 HP', '1/2 HP', '3/4 HP', '1 HP', '1.5 HP', '2 HP', '3 HP', '5 HP', '7.5 HP', '10 HP'];
const MICRON = ['3 Micron', '5 Micron', '10 Micron', '25 Micron', '40 Micron'];
const SAE_SIZES = ['1/4"', '5/16"', '3/8"', '7/16"', '1/2"', '9/16"', '5/8"', '3/4"', '7/8"', '1"'];
const MM_SIZES = ['8 mm', '10 mm', '12 mm', '13 mm', '14 mm', '17 mm', '19 mm', '22 mm', '24 mm'];

export const TOP_CATEGORIES: readonly TopCategorySpec[] = [
  {
    name: 'Bearings',
    skuPrefix: 'BRG',
    features: [
      'Precision ground raceways for low noise',
      'Pre-lubricated with lithium-complex grease',
      'Interchangeable with ISO dimension series',
      'Heat-stabilized for continuous duty',
    ],
    subcategories: [
      {
        name: 'Ball Bearings',
        price: [4, 180],
        unit: 'EA',
        weight: 3,
        templates: [
          ['Deep Groove Ball Bearing ', ['60', '62', '63', '160'], range(0, 12, 1, 2), ['-2RS', '-ZZ', '', '-2Z C3', '-2RS C3']],
          ['Angular Contact Ball Bearing ', ['72', '73'], range(4, 16, 1, 2), ['-B', '-BE', '-BECBP']],
          ['Self-Aligning Ball Bearing ', ['12', '13', '22'], range(4, 12, 1, 2), ['', '-K', '-2RS']],
          ['Thrust Ball Bearing ', ['511', '512'], range(0, 12, 1, 2)],
        ],
      },
      {
        name: 'Roller Bearings',
        price: [12, 900],
        unit: 'EA',
        weight: 2,
        templates: [
          ['Tapered Roller Bearing ', ['302', '303', '320', '322'], range(4, 20, 1, 2)],
          ['Cylindrical Roller Bearing ', ['NU', 'NJ', 'NUP'], ['2', '3', '22'], range(4, 16, 1, 2), ['-E', '-ECP', '']],
          ['Spherical Roller Bearing ', ['222', '223', '230'], range(8, 24, 1, 2), ['-E', '-CC', '-E K']],
          ['Needle Roller Bearing ', ['HK', 'NK', 'RNA'], range(10, 40, 2), range(10, 30, 2)],
        ],
      },
      {
        name: 'Mounted Bearings',
        price: [18, 650],
        unit: 'EA',
        templates: [
          ['Pillow Block Bearing ', ['UCP', 'SY', 'P2B'], range(204, 212), [' ', ' Set Screw ', ' Eccentric Collar '], BORE_IN],
          ['4-Bolt Flange Bearing ', ['UCF', 'FY', 'F4B'], range(204, 212), ' ', BORE_IN],
          ['Take-Up Bearing Unit ', ['UCT', 'TU'], range(204, 210), ' ', BORE_IN],
        ],
      },
      {
        name: 'Linear Bearings',
        price: [9, 420],
        unit: 'EA',
        templates: [
          ['Linear Ball Bushing LM', range(6, 40, 2), ['UU', 'LUU', 'OP']],
          ['Linear Guide Carriage ', ['HGH', 'HGW', 'MGN'], ['15', '20', '25', '30'], ['CA', 'CC', 'HA']],
          ['Linear Guide Rail ', ['HGR', 'MGNR'], ['15', '20', '25'], ' x ', ['300', '500', '1000', '1500'], ' mm'],
        ],
      },
      {
        name: 'Bearing Accessories',
        price: [2, 90],
        unit: 'EA',
        templates: [
          ['Adapter Sleeve H', ['2', '3', '23'], range(5, 16, 1, 2)],
          ['Bearing Locknut KM', range(4, 20)],
          ['Lock Washer MB', range(4, 20)],
          ['Bearing Grease Cartridge ', ['400 g', '14 oz'], ' ', ['EP2', 'High Temp', 'Food Grade H1']],
        ],
      },
    ],
  },
  {
    name: 'Seals & Gaskets',
    skuPrefix: 'SEA',
    features: [
      'Compound rated -40 to 120 °C',
      'Resistant to mineral oils and hydraulic fluids',
      'Molded to tight tolerances for a leak-free fit',
    ],
    subcategories: [
      {
        name: 'O-Rings',
        price: [2, 60],
        unit: 'BOX',
        weight: 2,
        templates: [
          [
            'O-Ring AS568-',
            range(4, 350, 7, 3),
            ' ',
            ['NBR 70', 'FKM 75', 'EPDM 70', 'Silicone 70'],
            ' (Box of ',
            ['25', '50', '100'],
            ')',
          ],
          ['Metric O-Ring ', range(5, 80, 3), ' x ', ['1.5', '2', '2.5', '3', '3.5', '5'], ' mm ', ['NBR', 'FKM', 'EPDM'], ' (Box of 50)'],
        ],
      },
      {
        name: 'O-Ring Kits',
        price: [25, 220],
        unit: 'SET',
        templates: [[['Metric', 'Inch', 'SAE Boss'], ' O-Ring Assortment ', ['NBR', 'FKM'], ', ', ['225', '382', '407', '560'], ' pcs']],
      },
      {
        name: 'Oil Seals',
        price: [3, 85],
        unit: 'EA',
        weight: 2,
        templates: [
          [
            'Radial Shaft Seal ',
            range(15, 120, 5),
            'x',
            range(30, 160, 8),
            'x',
            ['7', '8', '10', '12'],
            ' ',
            ['TC', 'SC', 'TB'],
            ' ',
            ['NBR', 'FKM'],
          ],
          ['Double Lip Oil Seal ', BORE_IN, ' Shaft ', ['CR', 'TCM'], ' Type'],
        ],
      },
      {
        name: 'Gaskets',
        price: [4, 140],
        unit: 'EA',
        templates: [
          ['Spiral Wound Gasket ', ['1/2"', '1"', '2"', '3"', '4"', '6"'], ' Class ', ['150', '300', '600'], ' 316/Graphite'],
          ['Flange Gasket ', ['DN25', 'DN50', 'DN80', 'DN100', 'DN150'], ' PN16 ', ['Aramid Fiber', 'PTFE', 'EPDM']],
          ['Gasket Sheet ', ['500 x 500', '1000 x 1500'], ' mm x ', ['1.5', '2', '3'], ' mm ', ['Aramid', 'Graphite', 'Cork-Rubber']],
        ],
      },
      {
        name: 'Mechanical Seals',
        price: [45, 1200],
        unit: 'EA',
        templates: [
          [
            'Mechanical Seal Type ',
            ['21', '560', 'MG1', 'M7N'],
            ' ',
            range(16, 75, 4),
            ' mm ',
            ['SiC/SiC', 'Carbon/SiC', 'Carbon/Ceramic'],
          ],
          ['Cartridge Seal ', ['1.375"', '1.625"', '1.875"', '2.125"'], ' ', ['Single', 'Double'], ' ', ['FKM', 'EPDM']],
        ],
      },
      {
        name: 'Hydraulic Seals',
        price: [3, 95],
        unit: 'EA',
        templates: [
          [
            ['Rod Seal', 'Piston Seal', 'Wiper Seal', 'U-Cup Seal'],
            ' ',
            range(20, 120, 5),
            'x',
            range(28, 140, 6),
            ' mm ',
            ['PU', 'NBR', 'PTFE Bronze'],
          ],
          ['Cylinder Seal Kit Bore ', BORE_MM, ' mm Rod ', ['12', '16', '20', '25', '32', '40'], ' mm'],
        ],
      },
    ],
  },
  {
    name: 'Power Transmission',
    skuPrefix: 'PTR',
    features: ['Rated for continuous industrial duty', 'Dimensions to ANSI / ISO standards', 'Heat treated for wear resistance'],
    subcategories: [
      {
        name: 'V-Belts',
        price: [6, 120],
        unit: 'EA',
        weight: 2,
        templates: [
          ['Classical V-Belt ', ['A', 'B', 'C'], range(26, 120, 2)],
          ['Narrow Wedge Belt ', ['SPA', 'SPB', 'SPZ', '3V', '5V'], range(800, 3500, 50)],
          ['Cogged V-Belt ', ['AX', 'BX', 'CX'], range(30, 112, 2)],
        ],
      },
      {
        name: 'Timing Belts',
        price: [9, 260],
        unit: 'EA',
        templates: [
          ['Timing Belt ', range(300, 2000, 25), '-', ['5M', '8M', '14M', 'HTD 8M'], '-', ['15', '20', '30', '50']],
          ['Timing Belt ', range(150, 900, 10), ['XL', 'L', 'H'], ['025', '037', '050', '075', '100']],
        ],
      },
      {
        name: 'Roller Chains',
        price: [22, 640],
        unit: 'EA',
        templates: [
          ['Roller Chain ANSI ', ['25', '35', '40', '50', '60', '80', '100'], ['', '-2', 'H'], ' x 10 ft'],
          ['Connecting Link ANSI ', ['35', '40', '50', '60', '80'], ' (Pack of ', ['5', '10'], ')'],
          ['Roller Chain ', ['06B', '08B', '10B', '12B', '16B'], '-', ['1', '2'], ' x 5 m'],
        ],
      },
      {
        name: 'Sprockets',
        price: [12, 480],
        unit: 'EA',
        templates: [['Sprocket ', ['35', '40', '50', '60', '80'], ['B', 'BS', 'TB'], range(10, 60, 2), ' Teeth ', BORE_IN, ' Bore']],
      },
      {
        name: 'Couplings',
        price: [15, 900],
        unit: 'EA',
        templates: [
          ['Jaw Coupling Hub ', ['L070', 'L075', 'L090', 'L095', 'L100', 'L110'], ' ', BORE_IN, ' Bore'],
          ['Jaw Coupling Spider ', ['L070', 'L075', 'L090', 'L100', 'L110'], ' ', ['NBR', 'Urethane', 'Hytrel']],
          ['Gear Coupling ', ['1010G', '1015G', '1020G', '1025G'], ' Flex Hub'],
          ['Disc Coupling ', ['SX', 'DI-6'], ' Size ', range(6, 14)],
        ],
      },
      {
        name: 'Gearboxes',
        price: [180, 2500],
        unit: 'EA',
        templates: [
          [
            'Worm Gear Reducer ',
            ['30', '40', '50', '63', '75', '90'],
            ' mm ',
            ['5', '10', '20', '30', '40', '60'],
            ':1 ',
            ['Hollow Shaft', 'Solid Shaft'],
          ],
          ['Helical Inline Gearbox ', ['Size 1', 'Size 2', 'Size 3', 'Size 4'], ' Ratio ', ['3.5', '7.2', '12.4', '20.5', '36.8'], ':1'],
        ],
      },
    ],
  },
  {
    name: 'Hydraulics',
    skuPrefix: 'HYD',
    features: [
      'Rated to 3,000 psi working pressure',
      'Zinc-nickel plated against corrosion',
      'Compatible with mineral and synthetic hydraulic oils',
    ],
    subcategories: [
      {
        name: 'Hydraulic Hoses',
        price: [4, 60],
        unit: 'M',
        templates: [
          ['Hydraulic Hose ', ['SAE 100R1AT', 'SAE 100R2AT', 'EN 857 2SC', '4SH'], ' ', DASH, ' (per meter)'],
          ['Hose Assembly ', ['2SN', '2SC', 'R1'], ' ', DASH, ' x ', ['500', '750', '1000', '1500', '2000'], ' mm JIC-JIC'],
        ],
      },
      {
        name: 'Hydraulic Fittings',
        price: [2, 75],
        unit: 'EA',
        weight: 2,
        templates: [
          [
            ['JIC 37° Male Connector', 'ORFS Male Connector', 'BSPP Adapter', 'Straight Union', '90° Elbow', 'Tee Fitting'],
            ' ',
            DASH,
            ' x ',
            DASH,
            ' ',
            ['Steel', 'Stainless 316'],
          ],
          ['Crimp Hose Fitting ', ['Female JIC Swivel', 'Male NPT', 'Female ORFS', 'DKOL 24°'], ' ', DASH],
          ['Quick Coupler ISO ', ['A', 'B'], ' ', ['1/4"', '3/8"', '1/2"', '3/4"'], ' ', ['Male', 'Female']],
        ],
      },
      {
        name: 'Hydraulic Cylinders',
        price: [120, 2200],
        unit: 'EA',
        templates: [
          ['Tie-Rod Hydraulic Cylinder ', ['1.5"', '2"', '2.5"', '3"', '4"'], ' Bore x ', ['6"', '8"', '12"', '16"', '24"'], ' Stroke'],
          ['Welded Cylinder ', BORE_MM, ' x ', STROKE_MM, ' mm ', ['Clevis', 'Cross Tube']],
        ],
      },
      {
        name: 'Hydraulic Pumps',
        price: [240, 2500],
        unit: 'EA',
        templates: [
          ['Gear Pump ', ['Group 1', 'Group 2', 'Group 3'], ' ', ['4', '8', '11', '16', '22', '28'], ' cc/rev ', ['CW', 'CCW']],
          ['Vane Pump ', ['PV2R1', 'PV2R2', 'V10', 'V20'], '-', ['8', '12', '19', '25', '31']],
          ['Hand Pump ', ['Single Acting', 'Double Acting'], ' ', ['25', '45'], ' cc'],
        ],
      },
      {
        name: 'Hydraulic Valves',
        price: [35, 1400],
        unit: 'EA',
        templates: [
          ['Directional Control Valve ', ['NG6', 'NG10', 'D03', 'D05'], ' ', ['4/3', '4/2'], ' ', VOLTS],
          ['Relief Valve ', NPT, ' ', ['500-3000', '1000-5000'], ' psi'],
          ['Needle Valve ', NPT, ' Steel 6000 psi'],
          ['Monoblock Valve ', ['1', '2', '3', '4'], '-Spool 40 l/min'],
        ],
      },
    ],
  },
  {
    name: 'Pneumatics',
    skuPrefix: 'PNE',
    features: ['Operating pressure 1 to 10 bar', 'Lubricated for life', 'Anodized aluminium body'],
    subcategories: [
      {
        name: 'Pneumatic Cylinders',
        price: [28, 780],
        unit: 'EA',
        templates: [
          ['ISO 15552 Cylinder ', BORE_MM, ' x ', STROKE_MM, ' mm ', ['Double Acting', 'Cushioned', 'Magnetic Piston']],
          ['Compact Cylinder ', ['12', '16', '20', '25', '32', '40'], ' x ', ['10', '15', '20', '25', '50'], ' mm'],
          ['Mini Round Cylinder ', ['8', '10', '12', '16', '20', '25'], ' x ', ['25', '50', '80', '100'], ' mm ISO 6432'],
        ],
      },
      {
        name: 'Solenoid Valves',
        price: [22, 420],
        unit: 'EA',
        templates: [
          ['Solenoid Valve ', ['3/2', '5/2', '5/3'], ' ', ['G1/8', 'G1/4', 'G3/8', 'G1/2'], ' ', VOLTS],
          ['Valve Manifold ', ['4', '6', '8', '10'], '-Station ', ['G1/8', 'G1/4']],
          ['Replacement Solenoid Coil ', ['22 mm', '30 mm'], ' ', VOLTS],
        ],
      },
      {
        name: 'Push-to-Connect Fittings',
        price: [2, 25],
        unit: 'BOX',
        weight: 2,
        templates: [
          [
            ['Straight Male Connector', 'Elbow Male', 'Union Tee', 'Straight Union', 'Bulkhead Union', 'Y-Connector'],
            ' ',
            ['4', '6', '8', '10', '12'],
            ' mm ',
            ['', 'x G1/8 ', 'x G1/4 ', 'x G3/8 '],
            '(Pack of 10)',
          ],
        ],
      },
      {
        name: 'FRL Units',
        price: [25, 420],
        unit: 'EA',
        templates: [
          [
            ['Filter Regulator', 'Lubricator', 'Filter-Regulator-Lubricator', 'Pressure Regulator', 'Soft Start Valve'],
            ' ',
            ['G1/4', 'G3/8', 'G1/2', 'G3/4'],
            ' ',
            ['5 Micron', '40 Micron', 'with Gauge', 'Auto Drain'],
          ],
        ],
      },
      {
        name: 'Pneumatic Tubing',
        price: [2, 18],
        unit: 'M',
        templates: [
          [
            ['Polyurethane', 'Nylon PA12', 'PTFE', 'Polyethylene'],
            ' Tubing ',
            ['4x2.5', '6x4', '8x6', '10x8', '12x9'],
            ' mm ',
            ['Blue', 'Black', 'Clear', 'Red'],
            ' (per meter)',
          ],
        ],
      },
    ],
  },
  {
    name: 'Fasteners',
    skuPrefix: 'FAS',
    features: ['Zinc plated for corrosion protection', 'Threads to ISO 965-1 / ASME B1.1', 'Traceable lot numbers'],
    subcategories: [
      {
        name: 'Hex Bolts',
        price: [4, 120],
        unit: 'BOX',
        weight: 3,
        templates: [
          [
            'Hex Head Bolt ',
            METRIC,
            ' x ',
            LENGTHS_MM,
            ' ',
            ['8.8 Zinc', '10.9 Black', 'A2 Stainless', 'A4 Stainless'],
            ' (Box of ',
            ['25', '50', '100'],
            ')',
          ],
          ['Hex Cap Screw ', IMPERIAL, ' x ', ['1/2"', '3/4"', '1"', '1-1/2"', '2"', '3"'], ' Grade ', ['5', '8'], ' (Box of 50)'],
        ],
      },
      {
        name: 'Socket Head Cap Screws',
        price: [4, 140],
        unit: 'BOX',
        weight: 2,
        templates: [
          ['Socket Head Cap Screw ', METRIC, ' x ', LENGTHS_MM, ' ', ['12.9 Black', 'A2 Stainless'], ' (Box of ', ['50', '100'], ')'],
          [
            'Button Head Socket Screw ',
            METRIC.slice(0, 6),
            ' x ',
            LENGTHS_MM.slice(0, 9),
            ' ',
            ['10.9 Zinc', 'A2 Stainless'],
            ' (Box of 100)',
          ],
        ],
      },
      {
        name: 'Nuts',
        price: [2, 70],
        unit: 'BOX',
        weight: 2,
        templates: [
          [
            ['Hex Nut', 'Nylon Insert Lock Nut', 'Flange Nut', 'Wing Nut', 'Cap Nut'],
            ' ',
            METRIC,
            ' ',
            ['Zinc', 'A2 Stainless', 'Grade 8'],
            ' (Box of ',
            ['50', '100', '200'],
            ')',
          ],
          [['Hex Nut', 'Nylon Insert Lock Nut'], ' ', IMPERIAL, ' Grade ', ['5', '8'], ' (Box of 100)'],
        ],
      },
      {
        name: 'Washers',
        price: [2, 45],
        unit: 'BOX',
        templates: [
          [
            ['Flat Washer', 'Split Lock Washer', 'Fender Washer', 'Wedge Lock Washer'],
            ' ',
            METRIC,
            ' ',
            ['Zinc', 'A2 Stainless'],
            ' (Box of ',
            ['100', '200'],
            ')',
          ],
        ],
      },
      {
        name: 'Anchors',
        price: [6, 160],
        unit: 'BOX',
        templates: [
          [
            ['Wedge Anchor', 'Sleeve Anchor', 'Drop-In Anchor', 'Chemical Anchor Stud'],
            ' ',
            ['M8', 'M10', 'M12', 'M16', '3/8"', '1/2"'],
            ' x ',
            ['75', '100', '120', '150'],
            ' mm (Box of ',
            ['10', '25', '50'],
            ')',
          ],
        ],
      },
      {
        name: 'Threaded Rod',
        price: [3, 60],
        unit: 'EA',
        templates: [
          ['Threaded Rod ', METRIC, ' x 1 m ', ['4.8 Zinc', '8.8 Plain', 'A2 Stainless']],
          ['All-Thread Rod ', IMPERIAL, ' x 3 ft ', ['Zinc', 'Grade B7']],
        ],
      },
    ],
  },
  {
    name: 'Electrical Components',
    skuPrefix: 'ELE',
    features: ['UL listed and CE marked', 'DIN rail mountable', 'Rated for industrial control panels'],
    subcategories: [
      {
        name: 'Contactors',
        price: [18, 420],
        unit: 'EA',
        templates: [
          ['IEC Contactor ', ['9', '12', '18', '25', '32', '40', '65'], ' A ', ['3-Pole', '4-Pole'], ' Coil ', VOLTS],
          ['Auxiliary Contact Block ', ['1NO+1NC', '2NO', '2NO+2NC']],
          ['Motor Starter ', ['0.63-1', '1-1.6', '2.5-4', '6-10', '9-13', '17-23'], ' A ', VOLTS],
        ],
      },
      {
        name: 'Circuit Breakers',
        price: [9, 650],
        unit: 'EA',
        templates: [
          ['Miniature Circuit Breaker ', ['1P', '2P', '3P'], ' ', ['B', 'C', 'D'], ['6', '10', '16', '20', '25', '32', '40'], ' A'],
          ['Motor Protection Circuit Breaker ', ['0.4-0.63', '1.6-2.5', '4-6.3', '10-16', '20-25'], ' A'],
          ['Molded Case Breaker ', ['3P'], ' ', ['63', '100', '160', '250'], ' A'],
        ],
      },
      {
        name: 'Relays',
        price: [6, 180],
        unit: 'EA',
        templates: [
          [
            ['Interface Relay', 'Plug-In Relay', 'Solid State Relay', 'Time Delay Relay', 'Safety Relay'],
            ' ',
            ['1 CO', '2 CO', '4 CO', '3NO'],
            ' ',
            VOLTS,
          ],
          ['Relay Socket ', ['8-Pin', '11-Pin', '14-Pin'], ' DIN Rail'],
        ],
      },
      {
        name: 'Sensors',
        price: [19, 560],
        unit: 'EA',
        weight: 2,
        templates: [
          [
            'Inductive Proximity Sensor ',
            ['M8', 'M12', 'M18', 'M30'],
            ' ',
            ['PNP', 'NPN'],
            ' ',
            ['NO', 'NC'],
            ' ',
            ['2 mm', '4 mm', '8 mm', '15 mm'],
            ' Sn',
          ],
          ['Photoelectric Sensor ', ['Diffuse', 'Retro-Reflective', 'Through-Beam'], ' ', ['M18', 'Rectangular'], ' ', ['PNP', 'NPN']],
          ['Pressure Transmitter ', ['0-10', '0-25', '0-100', '0-250'], ' bar 4-20 mA ', ['G1/4', '1/4" NPT']],
          ['Limit Switch ', ['Roller Lever', 'Plunger', 'Rod Lever'], ' ', ['1NO+1NC', '2NC']],
        ],
      },
      {
        name: 'Terminal Blocks',
        price: [2, 40],
        unit: 'BOX',
        templates: [
          [
            ['Feed-Through Terminal Block', 'Ground Terminal Block', 'Fuse Terminal Block', 'Double-Level Terminal Block'],
            ' ',
            ['2.5', '4', '6', '10', '16'],
            ' mm² ',
            ['Screw', 'Push-In', 'Spring'],
            ' (Pack of ',
            ['10', '50'],
            ')',
          ],
        ],
      },
      {
        name: 'Cable & Wire',
        price: [2, 35],
        unit: 'M',
        templates: [
          [
            ['Control Cable', 'Flexible Motor Cable', 'Shielded Sensor Cable', 'VFD Cable'],
            ' ',
            ['3', '4', '5', '7', '12'],
            'G',
            ['0.75', '1.0', '1.5', '2.5', '4'],
            ' mm² (per meter)',
          ],
          [
            'Hook-Up Wire ',
            ['18', '16', '14', '12', '10'],
            ' AWG ',
            ['MTW', 'THHN'],
            ' ',
            ['Black', 'Red', 'Blue', 'Green/Yellow'],
            ' (per meter)',
          ],
        ],
      },
    ],
  },
  {
    name: 'Filtration',
    skuPrefix: 'FIL',
    features: ['Glass fiber media for high dirt holding capacity', 'Beta ratio ≥ 1000', 'Direct OEM replacement'],
    subcategories: [
      {
        name: 'Hydraulic Filters',
        price: [14, 380],
        unit: 'EA',
        weight: 2,
        templates: [
          ['Hydraulic Filter Element ', ['HF', 'HP', 'RE', 'PI'], range(1000, 9900, 450), ' ', MICRON],
          ['Spin-On Hydraulic Filter ', ['SP', 'HSO'], range(70, 120, 5), ' ', MICRON],
          ['Return Line Filter Housing ', ['1"', '1-1/4"', '1-1/2"', '2"'], ' with Bypass'],
        ],
      },
      {
        name: 'Air Filters',
        price: [9, 320],
        unit: 'EA',
        templates: [
          ['Panel Air Filter ', ['12x24x2', '16x20x2', '20x20x2', '24x24x4'], ' MERV ', ['8', '11', '13']],
          ['Compressor Intake Filter ', ['C', 'LF', 'AF'], range(1100, 3600, 125)],
          ['Bag Filter ', ['F7', 'F8', 'F9'], ' ', ['6', '8'], '-Pocket 592x592 mm'],
        ],
      },
      {
        name: 'Oil Filters',
        price: [6, 95],
        unit: 'EA',
        templates: [
          ['Spin-On Oil Filter ', ['W', 'LF', 'PH'], range(700, 1900, 40), ' ', ['3/4"-16 UNF', 'M20x1.5', '1"-12 UN']],
          ['Oil Filter Cartridge ', ['OX', 'HU'], range(100, 950, 25), ' D'],
        ],
      },
      {
        name: 'Compressed Air Filters',
        price: [18, 640],
        unit: 'EA',
        templates: [
          ['Compressed Air Filter Element ', ['Grade P', 'Grade M', 'Grade S', 'Grade AC'], ' Size ', range(10, 60, 5)],
          ['Inline Air Filter ', ['G1/2', 'G3/4', 'G1', 'G1-1/2'], ' ', ['1 Micron', '0.01 Micron', 'Activated Carbon']],
        ],
      },
      {
        name: 'Strainers',
        price: [22, 900],
        unit: 'EA',
        templates: [
          [
            ['Y-Strainer', 'Basket Strainer', 'Suction Strainer'],
            ' ',
            NPT,
            ' ',
            ['Bronze', 'Cast Iron', 'Stainless 316'],
            ' ',
            ['40 Mesh', '60 Mesh', '100 Mesh'],
          ],
        ],
      },
    ],
  },
  {
    name: 'Motors & Drives',
    skuPrefix: 'MOT',
    features: ['IE3 premium efficiency', 'Class F insulation', 'TEFC enclosure for dusty environments'],
    subcategories: [
      {
        name: 'AC Motors',
        price: [160, 2500],
        unit: 'EA',
        weight: 2,
        templates: [
          [
            'Three-Phase Induction Motor ',
            HP,
            ' ',
            ['1800', '1200', '3600'],
            ' RPM ',
            ['56C', '143T', '145T', '182T', '184T', '213T'],
            ' TEFC',
          ],
          [
            'IEC Motor ',
            ['0.37', '0.75', '1.1', '1.5', '2.2', '4', '5.5', '7.5'],
            ' kW ',
            ['2-Pole', '4-Pole', '6-Pole'],
            ' ',
            ['B3', 'B5', 'B14'],
          ],
          ['Single-Phase Motor ', HP.slice(0, 6), ' 115/230 V ', ['Capacitor Start', 'PSC']],
        ],
      },
      {
        name: 'Gear Motors',
        price: [220, 2500],
        unit: 'EA',
        templates: [
          ['Right-Angle Gear Motor ', HP.slice(0, 7), ' ', ['10', '20', '30', '50', '60'], ':1 Ratio'],
          ['Parallel Shaft Gear Motor ', ['90 W', '180 W', '370 W', '750 W'], ' Output ', ['17', '29', '56', '88', '145'], ' RPM'],
        ],
      },
      {
        name: 'Variable Frequency Drives',
        price: [190, 2500],
        unit: 'EA',
        templates: [
          ['Variable Frequency Drive ', HP, ' ', ['230 V 1-Phase', '230 V 3-Phase', '460 V 3-Phase'], ' ', ['IP20', 'NEMA 4X']],
          ['VFD Keypad Remote Mount Kit ', ['3 ft', '10 ft']],
        ],
      },
      {
        name: 'Servo Motors',
        price: [320, 2500],
        unit: 'EA',
        templates: [
          [
            'AC Servo Motor ',
            ['100 W', '200 W', '400 W', '750 W', '1 kW', '2 kW'],
            ' ',
            ['60', '80', '130'],
            ' mm Flange ',
            ['Incremental', 'Absolute'],
            ' Encoder',
          ],
          ['Servo Power Cable ', ['3 m', '5 m', '10 m'], ' ', ['M17', 'M23']],
        ],
      },
      {
        name: 'Motor Accessories',
        price: [6, 260],
        unit: 'EA',
        templates: [
          [
            ['Motor Base', 'Cooling Fan', 'Fan Cover', 'Terminal Box', 'Brake Rectifier', 'Shaft Key Stock'],
            ' Frame ',
            ['56', '71', '80', '90', '100', '143T', '184T'],
          ],
          ['Motor Run Capacitor ', ['5', '10', '15', '20', '30', '40'], ' µF ', ['370', '440'], ' VAC'],
        ],
      },
    ],
  },
  {
    name: 'Hand Tools',
    skuPrefix: 'TOO',
    features: ['Chrome vanadium steel', 'Lifetime warranty', 'Meets ANSI / ASME specifications'],
    subcategories: [
      {
        name: 'Wrenches',
        price: [6, 180],
        unit: 'EA',
        templates: [
          [['Combination Wrench', 'Double Open-End Wrench', 'Ratcheting Wrench', 'Flare Nut Wrench'], ' ', [...SAE_SIZES, ...MM_SIZES]],
          ['Adjustable Wrench ', ['6"', '8"', '10"', '12"', '15"']],
          ['Pipe Wrench ', ['10"', '14"', '18"', '24"'], ' ', ['Cast Iron', 'Aluminum']],
          [
            ['Combination Wrench Set', 'Ratcheting Wrench Set', 'Hex Key Set'],
            ' ',
            ['SAE', 'Metric'],
            ' ',
            ['7', '11', '14', '22'],
            ' pcs',
          ],
        ],
      },
      {
        name: 'Screwdrivers',
        price: [4, 90],
        unit: 'EA',
        templates: [
          [
            ['Slotted Screwdriver', 'Phillips Screwdriver', 'Torx Screwdriver', 'Insulated Screwdriver 1000 V'],
            ' ',
            ['#0', '#1', '#2', '#3', 'T10', 'T20', 'T25', '3 mm', '5.5 mm'],
            ' x ',
            ['75', '100', '150'],
            ' mm',
          ],
        ],
      },
      {
        name: 'Pliers',
        price: [9, 110],
        unit: 'EA',
        templates: [
          [
            ['Combination Pliers', 'Long Nose Pliers', 'Diagonal Cutters', 'Water Pump Pliers', 'Snap Ring Pliers', 'Locking Pliers'],
            ' ',
            ['6"', '7"', '8"', '10"', '12"'],
          ],
        ],
      },
      {
        name: 'Sockets & Ratchets',
        price: [4, 480],
        unit: 'EA',
        templates: [
          [
            ['Impact Socket', 'Deep Socket', 'Standard Socket'],
            ' ',
            ['1/4"', '3/8"', '1/2"', '3/4"'],
            ' Drive ',
            [...SAE_SIZES, ...MM_SIZES],
          ],
          ['Quick-Release Ratchet ', ['1/4"', '3/8"', '1/2"'], ' Drive ', ['72', '90'], ' Teeth'],
          ['Socket Set ', ['1/4"', '3/8"', '1/2"'], ' Drive ', ['SAE', 'Metric'], ' ', ['20', '39', '56', '94'], ' pcs'],
        ],
      },
      {
        name: 'Torque Tools',
        price: [60, 1100],
        unit: 'EA',
        templates: [
          [
            ['Click Torque Wrench', 'Digital Torque Wrench', 'Torque Screwdriver', 'Torque Multiplier'],
            ' ',
            ['1/4"', '3/8"', '1/2"', '3/4"'],
            ' ',
            ['5-25', '20-100', '40-200', '60-340', '100-600'],
            ' Nm',
          ],
        ],
      },
      {
        name: 'Measuring Tools',
        price: [8, 650],
        unit: 'EA',
        templates: [
          [
            ['Digital Caliper', 'Outside Micrometer', 'Dial Indicator', 'Feeler Gauge Set', 'Thread Pitch Gauge', 'Laser Tachometer'],
            ' ',
            ['0-150 mm', '0-25 mm', '0-1"', '0-6"', 'SAE/Metric'],
          ],
          ['Tape Measure ', ['16 ft', '25 ft', '5 m', '8 m']],
        ],
      },
    ],
  },
];

export interface BrandSpec {
  name: string;
  /** Top-level categories the brand makes parts for: a bearing brand does not sell pliers. */
  categories: readonly string[];
}

/** Fictional brands, so the demo never reads like an endorsement of a real manufacturer. */
export const BRANDS: readonly BrandSpec[] = [
  { name: 'Norvik Bearings', categories: ['Bearings'] },
  { name: 'Kestrel Motion', categories: ['Bearings', 'Power Transmission'] },
  { name: 'Stahlberg', categories: ['Bearings', 'Seals & Gaskets', 'Fasteners'] },
  { name: 'RollTec', categories: ['Bearings', 'Power Transmission'] },
  { name: 'SealPro', categories: ['Seals & Gaskets', 'Hydraulics'] },
  { name: 'Gasketeer', categories: ['Seals & Gaskets'] },
  { name: 'Drivelink', categories: ['Power Transmission', 'Motors & Drives'] },
  { name: 'Chainworks', categories: ['Power Transmission'] },
  { name: 'Hydrion', categories: ['Hydraulics', 'Filtration'] },
  { name: 'BlueRidge Fluid Power', categories: ['Hydraulics', 'Pneumatics'] },
  { name: 'Pressure King', categories: ['Hydraulics'] },
  { name: 'AeroFlow Pneumatics', categories: ['Pneumatics'] },
  { name: 'Pneumax Controls', categories: ['Pneumatics', 'Electrical Components'] },
  { name: 'IronCrest Fasteners', categories: ['Fasteners'] },
  { name: 'BoltMaster', categories: ['Fasteners', 'Hand Tools'] },
  { name: 'Anchorline', categories: ['Fasteners'] },
  { name: 'Voltaris', categories: ['Electrical Components', 'Motors & Drives'] },
  { name: 'Circuitra', categories: ['Electrical Components'] },
  { name: 'SenseLogic', categories: ['Electrical Components'] },
  { name: 'PureStream Filtration', categories: ['Filtration'] },
  { name: 'Filtronic', categories: ['Filtration', 'Pneumatics'] },
  { name: 'Magnadyne Motors', categories: ['Motors & Drives'] },
  { name: 'Torqueline', categories: ['Motors & Drives', 'Power Transmission', 'Hand Tools'] },
  { name: 'Granite Tool Co.', categories: ['Hand Tools'] },
  { name: 'Precisa Tools', categories: ['Hand Tools', 'Electrical Components'] },
];
