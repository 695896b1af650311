-- Frameworks of core objectives (kerndoelen), versioned: a new set is new rows, not new code.

CREATE TABLE frameworks (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    valid_from  DATE NOT NULL,
    valid_until DATE
);

-- Domains are stable text codes, not an enumeration, so later sets can bring their own.
CREATE TABLE objectives (
    framework_code   TEXT NOT NULL REFERENCES frameworks (code),
    number           INTEGER NOT NULL,
    domain           TEXT NOT NULL,
    sub_domain       TEXT,
    title            TEXT NOT NULL,
    only_in_province TEXT,
    PRIMARY KEY (framework_code, number)
);
CREATE INDEX objectives_domain ON objectives (framework_code, domain, number);

-- The 2006 set for primary education (58 kerndoelen), as in crates/domain/src/kerndoelen; a store
-- test checks that the two agree.
INSERT INTO frameworks (code, name, valid_from, valid_until)
    VALUES ('kerndoelen-2006', 'Kerndoelen primair onderwijs 2006', '2006-08-01', '2031-07-31');
INSERT INTO objectives (framework_code, number, domain, sub_domain, title, only_in_province) VALUES
    ('kerndoelen-2006', 1, 'nederlands', 'mondeling_onderwijs', 'Informatie verwerven uit gesproken taal', NULL),
    ('kerndoelen-2006', 2, 'nederlands', 'mondeling_onderwijs', 'Zich mondeling uitdrukken: informeren, verslag doen, uitleggen, discussiëren', NULL),
    ('kerndoelen-2006', 3, 'nederlands', 'mondeling_onderwijs', 'Informatie en meningen vergelijken en beoordelen in gesprekken en discussies', NULL),
    ('kerndoelen-2006', 4, 'nederlands', 'schriftelijk_onderwijs', 'Informatie halen uit informatieve en instructieve teksten', NULL),
    ('kerndoelen-2006', 5, 'nederlands', 'schriftelijk_onderwijs', 'Teksten schrijven met verschillende functies', NULL),
    ('kerndoelen-2006', 6, 'nederlands', 'schriftelijk_onderwijs', 'Informatie en meningen ordenen bij het lezen van studieteksten en bronnen', NULL),
    ('kerndoelen-2006', 7, 'nederlands', 'schriftelijk_onderwijs', 'Informatie en meningen in teksten vergelijken en beoordelen', NULL),
    ('kerndoelen-2006', 8, 'nederlands', 'schriftelijk_onderwijs', 'Informatie ordenen bij het schrijven van een brief, verslag, formulier of werkstuk', NULL),
    ('kerndoelen-2006', 9, 'nederlands', 'schriftelijk_onderwijs', 'Plezier in het lezen en schrijven van verhalen, gedichten en informatieve teksten', NULL),
    ('kerndoelen-2006', 10, 'nederlands', 'taalbeschouwing', 'Strategieën herkennen, gebruiken en beoordelen bij mondeling en schriftelijk taalgebruik', NULL),
    ('kerndoelen-2006', 11, 'nederlands', 'taalbeschouwing', 'Taalkundige principes en regels gebruiken, waaronder spelling', NULL),
    ('kerndoelen-2006', 12, 'nederlands', 'taalbeschouwing', 'Woordenschat uitbreiden en onbekende woorden leren begrijpen', NULL),
    ('kerndoelen-2006', 13, 'engels', NULL, 'Informatie verwerven uit eenvoudige gesproken en geschreven Engelse teksten', NULL),
    ('kerndoelen-2006', 14, 'engels', NULL, 'In het Engels informatie vragen en geven over eenvoudige onderwerpen', NULL),
    ('kerndoelen-2006', 15, 'engels', NULL, 'Eenvoudige Engelse woorden over alledaagse onderwerpen schrijven', NULL),
    ('kerndoelen-2006', 16, 'engels', NULL, 'Betekenis en schrijfwijze van Engelse woorden opzoeken in een woordenboek', NULL),
    ('kerndoelen-2006', 17, 'fries', NULL, 'Een positieve houding ontwikkelen tegenover het gebruik van het Fries', 'Friesland'),
    ('kerndoelen-2006', 18, 'fries', NULL, 'Informatie verwerven uit gesproken Fries', 'Friesland'),
    ('kerndoelen-2006', 19, 'fries', NULL, 'Zich mondeling uitdrukken in het Fries', 'Friesland'),
    ('kerndoelen-2006', 20, 'fries', NULL, 'Informatie verwerven uit geschreven Friese teksten', 'Friesland'),
    ('kerndoelen-2006', 21, 'fries', NULL, 'Teksten schrijven in het Fries', 'Friesland'),
    ('kerndoelen-2006', 22, 'fries', NULL, 'Taalbeschouwing en strategieën bij het Fries', 'Friesland'),
    ('kerndoelen-2006', 23, 'rekenen_wiskunde', 'wiskundig_inzicht_en_handelen', 'Wiskundetaal gebruiken', NULL),
    ('kerndoelen-2006', 24, 'rekenen_wiskunde', 'wiskundig_inzicht_en_handelen', 'Praktische en formele rekenproblemen oplossen en redeneringen weergeven', NULL),
    ('kerndoelen-2006', 25, 'rekenen_wiskunde', 'wiskundig_inzicht_en_handelen', 'Aanpakken onderbouwen en oplossingen beoordelen', NULL),
    ('kerndoelen-2006', 26, 'rekenen_wiskunde', 'getallen_en_bewerkingen', 'Getallen, breuken, procenten en verhoudingen doorzien en ermee rekenen', NULL),
    ('kerndoelen-2006', 27, 'rekenen_wiskunde', 'getallen_en_bewerkingen', 'Basisbewerkingen tot 100 en de tafels uit het hoofd', NULL),
    ('kerndoelen-2006', 28, 'rekenen_wiskunde', 'getallen_en_bewerkingen', 'Schattend tellen en rekenen', NULL),
    ('kerndoelen-2006', 29, 'rekenen_wiskunde', 'getallen_en_bewerkingen', 'Handig optellen, aftrekken, vermenigvuldigen en delen', NULL),
    ('kerndoelen-2006', 30, 'rekenen_wiskunde', 'getallen_en_bewerkingen', 'Schriftelijk rekenen volgens standaardprocedures', NULL),
    ('kerndoelen-2006', 31, 'rekenen_wiskunde', 'getallen_en_bewerkingen', 'De rekenmachine met inzicht gebruiken', NULL),
    ('kerndoelen-2006', 32, 'rekenen_wiskunde', 'meten_en_meetkunde', 'Eenvoudige meetkundige problemen oplossen', NULL),
    ('kerndoelen-2006', 33, 'rekenen_wiskunde', 'meten_en_meetkunde', 'Meten en rekenen met eenheden en maten', NULL),
    ('kerndoelen-2006', 34, 'orientatie_op_jezelf_en_de_wereld', 'mens_en_samenleving', 'Zorg voor de lichamelijke en psychische gezondheid van jezelf en anderen', NULL),
    ('kerndoelen-2006', 35, 'orientatie_op_jezelf_en_de_wereld', 'mens_en_samenleving', 'Redzaam gedrag: sociaal, in het verkeer en als consument', NULL),
    ('kerndoelen-2006', 36, 'orientatie_op_jezelf_en_de_wereld', 'mens_en_samenleving', 'Hoofdzaken van de Nederlandse en Europese staatsinrichting en de rol van de burger', NULL),
    ('kerndoelen-2006', 37, 'orientatie_op_jezelf_en_de_wereld', 'mens_en_samenleving', 'Gedrag vanuit respect voor algemeen aanvaarde waarden en normen', NULL),
    ('kerndoelen-2006', 38, 'orientatie_op_jezelf_en_de_wereld', 'mens_en_samenleving', 'Hoofdzaken van geestelijke stromingen in de multiculturele samenleving', NULL),
    ('kerndoelen-2006', 39, 'orientatie_op_jezelf_en_de_wereld', 'mens_en_samenleving', 'Met zorg omgaan met het milieu', NULL),
    ('kerndoelen-2006', 40, 'orientatie_op_jezelf_en_de_wereld', 'natuur_en_techniek', 'Planten en dieren in de eigen omgeving en hoe ze leven', NULL),
    ('kerndoelen-2006', 41, 'orientatie_op_jezelf_en_de_wereld', 'natuur_en_techniek', 'Bouw en functie van onderdelen van planten, dieren en mensen', NULL),
    ('kerndoelen-2006', 42, 'orientatie_op_jezelf_en_de_wereld', 'natuur_en_techniek', 'Onderzoek doen naar materialen en natuurkundige verschijnselen', NULL),
    ('kerndoelen-2006', 43, 'orientatie_op_jezelf_en_de_wereld', 'natuur_en_techniek', 'Weer en klimaat', NULL),
    ('kerndoelen-2006', 44, 'orientatie_op_jezelf_en_de_wereld', 'natuur_en_techniek', 'Werking, vorm en materiaal van producten uit de eigen omgeving', NULL),
    ('kerndoelen-2006', 45, 'orientatie_op_jezelf_en_de_wereld', 'natuur_en_techniek', 'Oplossingen voor technische problemen ontwerpen, uitvoeren en evalueren', NULL),
    ('kerndoelen-2006', 46, 'orientatie_op_jezelf_en_de_wereld', 'natuur_en_techniek', 'Seizoenen, dag en nacht door de stand van de aarde ten opzichte van de zon', NULL),
    ('kerndoelen-2006', 47, 'orientatie_op_jezelf_en_de_wereld', 'ruimte', 'De inrichting van de eigen omgeving vergelijken met omgevingen elders', NULL),
    ('kerndoelen-2006', 48, 'orientatie_op_jezelf_en_de_wereld', 'ruimte', 'Hoe Nederland bewoning van door water bedreigde gebieden mogelijk maakt', NULL),
    ('kerndoelen-2006', 49, 'orientatie_op_jezelf_en_de_wereld', 'ruimte', 'Spreiding over de wereld van bevolking, godsdiensten, klimaten en landschappen', NULL),
    ('kerndoelen-2006', 50, 'orientatie_op_jezelf_en_de_wereld', 'ruimte', 'Kaart en atlas gebruiken en basistopografie beheersen', NULL),
    ('kerndoelen-2006', 51, 'orientatie_op_jezelf_en_de_wereld', 'tijd', 'Eenvoudige historische bronnen gebruiken en tijd aanduiden en indelen', NULL),
    ('kerndoelen-2006', 52, 'orientatie_op_jezelf_en_de_wereld', 'tijd', 'Kenmerken van de tien tijdvakken', NULL),
    ('kerndoelen-2006', 53, 'orientatie_op_jezelf_en_de_wereld', 'tijd', 'Belangrijke personen en gebeurtenissen uit de Nederlandse geschiedenis', NULL),
    ('kerndoelen-2006', 54, 'kunstzinnige_orientatie', NULL, 'Met beeld, taal, muziek, spel en beweging gevoelens en ervaringen uitdrukken', NULL),
    ('kerndoelen-2006', 55, 'kunstzinnige_orientatie', NULL, 'Reflecteren op eigen werk en dat van anderen', NULL),
    ('kerndoelen-2006', 56, 'kunstzinnige_orientatie', NULL, 'Kennis van en waardering voor cultureel erfgoed', NULL),
    ('kerndoelen-2006', 57, 'bewegingsonderwijs', NULL, 'Op een verantwoorde manier deelnemen aan de bewegingscultuur', NULL),
    ('kerndoelen-2006', 58, 'bewegingsonderwijs', NULL, 'Samen met anderen respectvol bewegen, afspraken maken en regels hanteren', NULL);
