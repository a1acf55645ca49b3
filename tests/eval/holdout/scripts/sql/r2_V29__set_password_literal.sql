SET PASSWORD FOR 'shop_app'@'10.0.%' = 'Sh0pApp#2024';
