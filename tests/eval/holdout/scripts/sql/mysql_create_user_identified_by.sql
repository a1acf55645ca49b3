CREATE USER 'shop_app'@'10.0.%' IDENTIFIED BY 'Sh0pApp#2023';
GRANT SELECT, INSERT, UPDATE ON shop.orders TO 'shop_app'@'10.0.%';
